/**
 * Money as shown and stored: sums of refund amounts rounded to the cent. A float sum differs in
 * its last bits with the order the amounts are added in, and engines add in different orders
 * (7332.74 on one, 7332.740000000001 on another); the cent is what an analyst reads.
 */
export function toCents(value: number): number {
  return Math.round(value * 100) / 100;
}
