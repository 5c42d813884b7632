/**
 * Detection quality against planted rings with ground truth: pairwise co-membership
 * precision/recall/F1, ring recall, precision@K, insider precision/recall and account-level
 * figures. Pure; pairs are counted from contingency cells, never enumerated.
 */

export interface DetectedRing {
  ringId: string;
  accountIds: readonly string[];
  score: number;
  /** Whether the analyst would be shown this ring (e.g. level high or medium). */
  flagged: boolean;
}

export interface RingEmployee {
  ringId: string;
  employeeId: string;
}

/** A planted hard pattern (truth/patterns.csv): "bridge" (detail: the other crew), "relative", "typo". */
export interface PlantedPattern {
  pattern: string;
  ringId: string;
  accountId: string;
  detail: string;
}

export interface GroundTruth {
  rings: ReadonlyMap<string, readonly string[]>;
  insiders: readonly RingEmployee[];
  patterns?: readonly PlantedPattern[];
}

export interface Evaluation {
  /** Pairs of accounts in one flagged detected ring vs pairs in one planted ring. */
  pairwise: { precision: number; recall: number; f1: number; truePairs: number; detectedPairs: number; plantedPairs: number };
  /** Planted rings matched by a flagged detected ring. */
  rings: { planted: number; found: number; recall: number };
  /** K = planted rings; the K best-scored detected rings (flagged or not) that match a planted ring. */
  precisionAtK: { k: number; hits: number; precision: number };
  insiders: { detected: number; correct: number; planted: number; found: number; precision: number; recall: number };
  /**
   * Per hard pattern: bridged crews found each as its own ring (both crews of a bridge count);
   * relatives' accounts kept out of every flagged ring; typo'd members found in their ring.
   */
  patterns: {
    bridged: { planted: number; found: number; recall: number };
    relatives: { planted: number; keptOut: number; share: number };
    typos: { planted: number; found: number; recall: number };
  };
  /** Accounts in flagged rings vs accounts in planted rings; falsePositiveRate needs allAccounts. */
  accounts: {
    flagged: number;
    planted: number;
    flaggedPlanted: number;
    precision: number;
    recall: number;
    falsePositiveRate: number | null;
  };
}

/** Match rule: the detected ring holds ≥ 80% of the planted ring's members and is ≥ 50% made of it. */
export const MATCH_RULE = { coverage: 0.8, purity: 0.5 } as const;

/**
 * Scores a detection against ground truth. Ratios with a zero denominator are 1 (nothing to
 * find, or nothing claimed), so an empty truth and an empty detection agree perfectly.
 *
 * @example
 *   evaluate([{ ringId: "R-1", accountIds: ["a", "b"], score: 80, flagged: true }], [],
 *     { rings: new Map([["P1", ["a", "b"]]]), insiders: [] }).pairwise.f1; // 1
 */
export function evaluate(
  detected: readonly DetectedRing[],
  insidersDetected: readonly RingEmployee[],
  truth: GroundTruth,
  allAccounts?: readonly string[],
): Evaluation {
  const plantedIds = [...truth.rings.keys()];
  const plantedSizes = plantedIds.map((id) => new Set(truth.rings.get(id)).size);
  const plantedOf = new Map<string, number>();
  plantedIds.forEach((id, p) => {
    for (const account of truth.rings.get(id)!) plantedOf.set(account, p);
  });

  const cells = detected.map((ring) => overlaps(ring.accountIds, plantedOf));
  const matches = detected.map((ring, d) =>
    [...cells[d].entries()]
      .filter(([p, n]) => n >= MATCH_RULE.coverage * plantedSizes[p] && n >= MATCH_RULE.purity * new Set(ring.accountIds).size)
      .map(([p]) => p),
  );

  let detectedPairs = 0;
  let truePairs = 0;
  const found = new Set<number>();
  const flaggedAccounts = new Set<string>();
  detected.forEach((ring, d) => {
    if (!ring.flagged) return;
    for (const account of ring.accountIds) flaggedAccounts.add(account);
    detectedPairs += pairs(new Set(ring.accountIds).size);
    for (const n of cells[d].values()) truePairs += pairs(n);
    for (const p of matches[d]) found.add(p);
  });
  const plantedPairs = plantedSizes.reduce((sum, size) => sum + pairs(size), 0);
  const precision = ratio(truePairs, detectedPairs);
  const recall = ratio(truePairs, plantedPairs);

  const k = plantedIds.length;
  const ranked = detected
    .map((ring, d) => ({ ring, d }))
    .sort((x, y) => y.ring.score - x.ring.score || (x.ring.ringId < y.ring.ringId ? -1 : 1));
  const hits = ranked.slice(0, k).filter(({ d }) => matches[d].length > 0).length;

  const flaggedPlanted = [...flaggedAccounts].filter((account) => plantedOf.has(account)).length;
  const honest = allAccounts === undefined ? null : new Set(allAccounts).size - plantedOf.size;
  return {
    pairwise: { precision, recall, f1: f1(precision, recall), truePairs, detectedPairs, plantedPairs },
    rings: { planted: k, found: found.size, recall: ratio(found.size, k) },
    precisionAtK: { k, hits, precision: ratio(hits, k) },
    insiders: insiderFigures(detected, matches, plantedIds, insidersDetected, truth.insiders),
    patterns: patternFigures(detected, matches, plantedIds, found, flaggedAccounts, truth.patterns ?? []),
    accounts: {
      flagged: flaggedAccounts.size,
      planted: plantedOf.size,
      flaggedPlanted,
      precision: ratio(flaggedPlanted, flaggedAccounts.size),
      recall: ratio(flaggedPlanted, plantedOf.size),
      falsePositiveRate: honest === null ? null : ratio(flaggedAccounts.size - flaggedPlanted, honest),
    },
  };
}

/** A detected (ring, employee) is correct when its ring matches a planted ring of which the employee is a planted insider. */
function insiderFigures(
  detected: readonly DetectedRing[],
  matches: number[][],
  plantedIds: string[],
  insidersDetected: readonly RingEmployee[],
  insidersPlanted: readonly RingEmployee[],
): Evaluation["insiders"] {
  const key = (ringId: string, employeeId: string): string => JSON.stringify([ringId, employeeId]);
  const planted = new Set(insidersPlanted.map((pair) => key(pair.ringId, pair.employeeId)));
  const matchesById = new Map(detected.map((ring, d) => [ring.ringId, matches[d]]));
  const claimed = new Set(insidersDetected.map((pair) => key(pair.ringId, pair.employeeId)));
  let correct = 0;
  const found = new Set<string>();
  for (const text of claimed) {
    const [ringId, employeeId] = JSON.parse(text) as [string, string];
    const hits = (matchesById.get(ringId) ?? []).map((p) => key(plantedIds[p], employeeId)).filter((k) => planted.has(k));
    if (hits.length > 0) correct++;
    for (const k of hits) found.add(k);
  }
  return {
    detected: claimed.size,
    correct,
    planted: planted.size,
    found: found.size,
    precision: ratio(correct, claimed.size),
    recall: ratio(found.size, planted.size),
  };
}

function patternFigures(
  detected: readonly DetectedRing[],
  matches: number[][],
  plantedIds: string[],
  found: Set<number>,
  flaggedAccounts: Set<string>,
  patterns: readonly PlantedPattern[],
): Evaluation["patterns"] {
  const foundIds = new Set([...found].map((p) => plantedIds[p]));
  const bridged = new Set(patterns.filter((p) => p.pattern === "bridge").flatMap((p) => [p.ringId, p.detail]));
  const bridgedFound = [...bridged].filter((id) => foundIds.has(id)).length;
  const relatives = new Set(patterns.filter((p) => p.pattern === "relative").map((p) => p.accountId));
  const keptOut = [...relatives].filter((a) => !flaggedAccounts.has(a)).length;
  // A typo'd member is found when a flagged ring matching its planted ring holds it.
  const withRing = new Set<string>();
  detected.forEach((ring, d) => {
    if (!ring.flagged) return;
    for (const p of matches[d]) for (const a of ring.accountIds) withRing.add(`${plantedIds[p]}\u0000${a}`);
  });
  const typos = patterns.filter((p) => p.pattern === "typo");
  const typosFound = typos.filter((p) => withRing.has(`${p.ringId}\u0000${p.accountId}`)).length;
  return {
    bridged: { planted: bridged.size, found: bridgedFound, recall: ratio(bridgedFound, bridged.size) },
    relatives: { planted: relatives.size, keptOut, share: ratio(keptOut, relatives.size) },
    typos: { planted: typos.length, found: typosFound, recall: ratio(typosFound, typos.length) },
  };
}

/** Members per planted ring within one detected ring (distinct accounts). */
function overlaps(accountIds: readonly string[], plantedOf: Map<string, number>): Map<number, number> {
  const cells = new Map<number, number>();
  for (const account of new Set(accountIds)) {
    const p = plantedOf.get(account);
    if (p !== undefined) cells.set(p, (cells.get(p) ?? 0) + 1);
  }
  return cells;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
