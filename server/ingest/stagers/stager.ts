/**
 * What a stager is: a function that turns one validated record of its file kind into graph
 * rows in the pending batch, and tells the row accounting the record's dedup key, a digest of
 * its content and whether it carried a placeholder. One stager per kind (registry: stagers.ts).
 * Stagers do not write to the store, read files or report rejects.
 */
import type { PendingRows } from "../pending-batch.ts";
import type { CellValue, KnownKeys } from "../validate-record.ts";
import { KeyMap, KeySet } from "../key-tables.ts";

export type Values = Record<string, CellValue>;

export interface Staged {
  /** Identifies the record within its file: a repeat of the key is a duplicate. */
  key: string;
  /** Digest of what the record says, to tell an identical repeat (same) from a later one that wins (changed); 0 when the key is the whole content. */
  content: number;
  /** The row carried a placeholder identifier, which was not linked. */
  placeholder: boolean;
}

/** What staging remembers across the files of one import; the large sets as fingerprints (key-tables.ts). */
export interface StagingMemory {
  /** Account and employee ids staged so far, which later files' references are validated against. */
  known: KnownKeys;
  /** Address ids already named: the first spelling seen names the address. */
  addresses: KeySet;
  /** Typo'd address keys → the key they load as (planned over the whole addresses file). */
  addressInto: Map<string, string>;
  /** Keys a slip staged before their own spelling was read (that spelling names them when it comes). */
  slipNamed: Set<string>;
  /** Account countries, for phones in identifiers.csv written without their prefix. */
  countries: KeyMap<string | null>;
  /** Payments named by payments.csv, whose type and last4 an identifiers.csv row must not clear. */
  payments: KeySet;
  /** Devices named by devices.csv, whose ip and user agent a contacts.csv row must not clear (kept only when contacts come). */
  devices: KeySet;
  /** Whether a contacts file follows, which refund and device ids are remembered for. */
  contacts: boolean;
}

export type Stager = (values: Values, rows: PendingRows, memory: StagingMemory) => Staged;

/** `contacts`: the import has a contacts file, so refund and device ids are remembered for it. */
export function createStagingMemory(contacts = false): StagingMemory {
  return {
    known: { accounts: new KeySet(), employees: new KeySet(), refunds: new KeySet() },
    addresses: new KeySet(),
    countries: new KeyMap(),
    addressInto: new Map(),
    slipNamed: new Set(),
    payments: new KeySet(),
    devices: new KeySet(),
    contacts,
  };
}

// Module-level, not made per record: closures made per record cost measurable time at 100k+ rows.
export const cellText = (v: CellValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
