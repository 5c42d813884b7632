/**
 * Bench scales: demo size and planted rings per scale. XS exists for the smoke test.
 */
export const SCALES = {
  XS: { accounts: 2_000, rings: 10 },
  S: { accounts: 20_000, rings: 30 },
  M: { accounts: 200_000, rings: 100 },
  L: { accounts: 1_000_000, rings: 200 },
  XL: { accounts: 5_000_000, rings: 500 },
} as const;
export type ScaleName = keyof typeof SCALES;
export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];

export const SECTIONS = ["load", "analyze", "api", "viewer"] as const;
export type Section = (typeof SECTIONS)[number];
