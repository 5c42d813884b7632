/**
 * A measured figure over several runs: median, min and max of the per-run values, with the
 * values kept for the record. Ratios are computed per run first, then summarised the same way,
 * so a ratio always compares two measurements taken in the same run. Pure.
 */
export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/**
 * @example summarise([3, 1, 2]) // { median: 2, min: 1, max: 3, runs: [3, 1, 2] }
 */
export function summarise(values: number[]): Figure {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: values };
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values };
}

/** Per-run ratios a[i] / b[i], summarised. */
export function ratio(a: number[], b: number[]): Figure {
  return summarise(a.map((x, i) => x / b[i]!));
}
