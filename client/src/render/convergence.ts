/**
 * When a ForceAtlas2 run has settled, judged from two successive frames of node positions
 * (x0, y0, x1, y1, …) as the viewer draws them: sigma fits every frame to its bounding box, so
 * a layout that only grows or drifts does not move on screen and counts as still. Pure: no
 * clock, no graph, no sigma; the layout runner feeds it the positions the worker wrote back.
 */

export interface SettleRule {
  /** Largest mean movement of a node in one step, as a fraction of the drawing's larger side. */
  maxMovement: number;
  /** Steps in a row that must stay under maxMovement, so one quiet step among wobbles is not enough. */
  calmSteps: number;
}

/**
 * Half a pixel per step on a 1,000-pixel stage, five steps running. Measured offline with the
 * viewer's settings from the server's start: the 5,000-node bench neighbourhood passes it after
 * ~45 steps (and then creeps at ~2e-4 a step), the 174-node demo ring after ~45.
 */
export const SETTLE_RULE: SettleRule = { maxMovement: 5e-4, calmSteps: 5 };

export interface SettleCheck {
  /** Mean on-screen movement between the two frames (Infinity when they cannot be compared). */
  movement: number;
  /** Calm steps in a row, this one included. */
  calmSteps: number;
  settled: boolean;
}

interface Frame {
  cx: number;
  cy: number;
  side: number;
}

function frameOf(positions: ArrayLike<number>): Frame {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < positions.length; i += 2) {
    const x = positions[i]!;
    const y = positions[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, side: Math.max(maxX - minX, maxY - minY) };
}

/**
 * Mean distance a node moves between two frames, each centred on and scaled to its own bounding
 * box (the larger side becomes 1). Infinity when the frames differ in length or are degenerate.
 * @example onScreenMovement([0, 0, 10, 0], [0, 0, 20, 0]) // 0: the drawing only grew
 */
export function onScreenMovement(previous: ArrayLike<number>, current: ArrayLike<number>): number {
  const n = current.length / 2;
  if (previous.length !== current.length || n < 1 || !Number.isInteger(n)) return Infinity;
  const a = frameOf(previous);
  const b = frameOf(current);
  if (n === 1) return 0;
  if (!(a.side > 0) || !(b.side > 0) || !Number.isFinite(a.side) || !Number.isFinite(b.side)) return Infinity;
  let sum = 0;
  for (let i = 0; i < current.length; i += 2) {
    const dx = (current[i]! - b.cx) / b.side - (previous[i]! - a.cx) / a.side;
    const dy = (current[i + 1]! - b.cy) / b.side - (previous[i + 1]! - a.cy) / a.side;
    sum += Math.sqrt(dx * dx + dy * dy);
  }
  return Number.isFinite(sum) ? sum / n : Infinity;
}

/**
 * One step of the judgement: `calmSoFar` is the previous check's `calmSteps` (0 at the start).
 * @example settleCheck(before, after, 4) // { movement: 1e-5, calmSteps: 5, settled: true }
 */
export function settleCheck(
  previous: ArrayLike<number>,
  current: ArrayLike<number>,
  calmSoFar: number,
  rule: SettleRule = SETTLE_RULE,
): SettleCheck {
  const movement = onScreenMovement(previous, current);
  const calmSteps = movement <= rule.maxMovement ? calmSoFar + 1 : 0;
  return { movement, calmSteps, settled: calmSteps >= rule.calmSteps };
}
