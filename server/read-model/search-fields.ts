/**
 * The fields search matches by prefix, per searched type: what a store's prefix index holds,
 * so that its answer is the scan's (cypher/reads/search-<type>.cypher). `lowered`: the scan
 * lowers the value before comparing; the others are stored lower-case already and compared as
 * they are. `label` is the hit's label, as the scan returns it.
 */
export interface PrefixField {
  property: string;
  lowered: boolean;
}

export interface PrefixSearch {
  /** The node label searched. */
  label: string;
  fields: readonly PrefixField[];
  /** Properties whose first non-null value labels a hit; the id when all are null. */
  labelFrom: readonly string[];
  /** Which typed text the type is searched by: the lower-cased text, or the handle (without its @). */
  text: "q" | "handle";
}

const lowered = (property: string): PrefixField => ({ property, lowered: true });
const asStored = (property: string): PrefixField => ({ property, lowered: false });

/** By search type (the `type` of a hit); types absent here (rings, phones) are always scanned. */
export const PREFIX_SEARCHES = {
  account: { label: "Account", fields: [lowered("id"), lowered("email"), lowered("name")], labelFrom: ["name", "email"], text: "q" },
  device: { label: "Device", fields: [lowered("id")], labelFrom: [], text: "q" },
  employee: { label: "Employee", fields: [lowered("id"), lowered("name")], labelFrom: ["name"], text: "q" },
  address: { label: "Address", fields: [lowered("line1")], labelFrom: ["line1"], text: "q" },
  email: { label: "Email", fields: [asStored("id")], labelFrom: [], text: "q" },
  payment: { label: "Payment", fields: [lowered("id")], labelFrom: [], text: "q" },
  ip: { label: "IP", fields: [asStored("id")], labelFrom: [], text: "q" },
  contact: { label: "Contact", fields: [lowered("id")], labelFrom: [], text: "q" },
  handle: { label: "Handle", fields: [asStored("id")], labelFrom: [], text: "handle" },
} as const satisfies Record<string, PrefixSearch>;

export type PrefixSearchType = keyof typeof PREFIX_SEARCHES;

/** What building a prefix index took: the bytes of its files and the time. */
export interface BuiltIndex {
  bytes: number;
  ms: number;
}

/** One hit an index gives: the node's id and its label. */
export interface IndexedHit {
  id: string;
  label: string;
}

/** What a store's prefix index answers for one type. */
export interface PrefixIndex {
  /**
   * The `limit` first hits by id (in the engine's order: by code point) among nodes of the type
   * one of whose fields starts with `prefix`; null when too many match for the index to be the
   * quicker way (the caller scans).
   */
  firstHits(type: PrefixSearchType, prefix: string, limit: number): IndexedHit[] | null;
}

/** Strings by code point, as the engines sort them (JavaScript's < compares UTF-16 units). */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
