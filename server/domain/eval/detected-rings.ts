/**
 * Adapters from detection outputs to the shapes evaluate() reads: the scored result of
 * detectRings, and the bare groups of the naive baseline. Pure.
 */
import type { AnalysisResult, RingLevel } from "../analysis-types.ts";
import type { DetectedRing, RingEmployee } from "./evaluate.ts";

/**
 * Rings flagged when their level is among `flaggedLevels` (default high and medium); insiders
 * of every ring.
 *
 * @example const { rings, insiders } = detectedFromResult(detectRings(input));
 */
export function detectedFromResult(
  result: AnalysisResult,
  flaggedLevels: readonly RingLevel[] = ["high", "medium"],
): { rings: DetectedRing[]; insiders: RingEmployee[] } {
  return {
    rings: result.rings.map((ring) => ({
      ringId: ring.id,
      accountIds: ring.accountIds,
      score: ring.score,
      flagged: flaggedLevels.includes(ring.level),
    })),
    insiders: result.rings.flatMap((ring) => ring.insiders.map((insider) => ({ ringId: ring.id, employeeId: insider.employeeId }))),
  };
}

/** Naive groups: every group flagged, ranked by size (what an analyst without scores would look at first). */
export function detectedFromGroups(groups: readonly (readonly string[])[]): DetectedRing[] {
  return groups.map((accountIds, g) => ({ ringId: `G-${g + 1}`, accountIds, score: accountIds.length, flagged: true }));
}
