/**
 * Code-unit string order, the same on every machine and locale (unlike localeCompare), for
 * deterministic sorting of ids. Pure.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
