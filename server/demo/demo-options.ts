/**
 * What a demo run is asked for and what it reports back, with the defaults and the checks
 * applied once before generating. Pure; imports only the shared error typology.
 */
import { RinglensError } from "../errors.ts";

export interface DemoOptions {
  /** Accounts written in total, planted ring members included. */
  accounts: number;
  /** Planted rings (3–25 members each). */
  rings: number;
  /** Same seed and options give byte-identical files. */
  seed: number;
  /** Also plant the hard patterns (plant-hard-patterns.ts): bridged crews, relatives' devices, typo'd drops. */
  hard: boolean;
}

export const DEFAULT_DEMO_OPTIONS: DemoOptions = { accounts: 20_000, rings: 30, seed: 1, hard: false };

/** Files written, relative to the output folder, in the order they are written. */
export const DEMO_FILES = [
  "employees.csv",
  "accounts.csv",
  "addresses.csv",
  "devices.csv",
  "payments.csv",
  "refunds.csv",
  "contacts.csv",
  "truth/rings.csv",
  "truth/insiders.csv",
  "truth/patterns.csv",
] as const;
export type DemoFile = (typeof DEMO_FILES)[number];

export interface DemoSummary {
  options: DemoOptions;
  /** Data rows per file (header not counted). */
  rows: Record<DemoFile, number>;
  /** Planted rings tied by shared identifiers (as asked), refund-as-a-service rings tied only by support contacts, and the member accounts of both. */
  rings: number;
  serviceRings: number;
  ringAccounts: number;
  /** Rings with at least one bribed employee, and distinct bribed employees. */
  ringsWithInsiders: number;
  insiders: number;
}

/** Ring members may take at most this share of all accounts. */
export const MAX_RING_SHARE = 0.5;

/**
 * Fills defaults and rejects impossible requests.
 * @example resolveDemoOptions({ accounts: 1000 }) // → { accounts: 1000, rings: 30, seed: 1, hard: false }
 */
export function resolveDemoOptions(input: Partial<DemoOptions>): DemoOptions {
  const options = { ...DEFAULT_DEMO_OPTIONS, ...stripUndefined(input) };
  const { accounts, rings, seed } = options;
  if (!Number.isSafeInteger(accounts) || accounts < 1) {
    throw invalid(`accounts must be a whole number ≥ 1 (got ${accounts})`);
  }
  if (!Number.isSafeInteger(rings) || rings < 0) {
    throw invalid(`rings must be a whole number ≥ 0 (got ${rings})`);
  }
  if (!Number.isSafeInteger(seed)) {
    throw invalid(`seed must be a whole number (got ${seed})`);
  }
  if (rings * 3 > accounts * MAX_RING_SHARE) {
    throw invalid(
      `${rings} rings need at least ${rings * 3} accounts of ring members, more than half of ${accounts} accounts ` +
        `(ask for more accounts or fewer rings)`,
    );
  }
  return options;
}

function stripUndefined(input: Partial<DemoOptions>): Partial<DemoOptions> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

function invalid(message: string): RinglensError {
  return new RinglensError("invalid-input", `demo: ${message}`);
}
