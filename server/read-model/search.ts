/**
 * Prefix, case-insensitive search over accounts (id, email, name), devices, employees (id,
 * name), addresses (street line, or any part of the normalised key), rings, and the
 * identifier nodes an analyst pastes from a case: emails, payment ids, IPs (by prefix),
 * phones (by their digits anywhere, so a national number finds its E.164 form), support
 * contacts (by id) and chat handles (with or without their @). Where the store keeps a prefix
 * index built for its data, the prefix matches come from it and only what it cannot answer
 * is scanned for (rings, a phone's digits, a part of an address key); the hits are the same.
 */
import type { GraphStore } from "../store/graph-store.ts";
import type { SearchHit } from "../../wire/wire-types.ts";
import { canonWords } from "../domain/normalise/address-key.ts";
import { cypher } from "../cypher/cypher-files.ts";
import { PREFIX_SEARCHES, byCodePoint, type PrefixIndex, type PrefixSearchType } from "./search-fields.ts";

/** The types searched, one statement each (cypher/reads/search-<type>.cypher); their hits are listed in this order. */
const SEARCH_TYPES = ["account", "device", "employee", "address", "email", "payment", "ip", "phone", "contact", "handle", "ring"] as const;
type SearchType = (typeof SEARCH_TYPES)[number];

type SearchParams = {
  q: string;
  folded: string;
  digits: string;
  handle: string;
  limit: number;
};
type HitRow = Record<string, unknown>;

export async function search(store: GraphStore, text: string, limit: number, timeoutMs: number): Promise<SearchHit[]> {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const folded = canonWords(text);
  // Phones are stored as E.164 (+ and digits): search them by the digits typed, spaces and dashes aside.
  const typed = /^[\d\s()+.-]+$/.test(q) ? q.replace(/\D/g, "") : "";
  const digits = typed.length >= 4 ? typed : "";
  const params: SearchParams = { q, folded: folded || q, digits, handle: q.replace(/^@+/, ""), limit };
  const index = await store.prefixIndex();
  const results = await Promise.all(SEARCH_TYPES.map((type) => searchType(store, index, type, params, timeoutMs)));
  return results
    .flat()
    .slice(0, limit)
    .map((r) => ({
      type: String(r.type),
      id: String(r.id),
      label: String(r.label ?? r.id),
      ringId: (r.ringId as string | null) ?? null,
    }));
}

async function searchType(
  store: GraphStore,
  index: PrefixIndex | null,
  type: SearchType,
  params: SearchParams,
  timeoutMs: number,
): Promise<HitRow[]> {
  // The phone statement finds nothing without digits: not running it is the same answer.
  if (type === "phone" && params.digits === "") return [];
  const scan = async (name: string) => (await store.query(cypher(`reads/${name}`), params, { timeoutMs })).rows;
  const indexed = index && isPrefixType(type) ? index.firstHits(type, params[PREFIX_SEARCHES[type].text], params.limit) : null;
  if (indexed === null) return scan(`search-${type}`);
  const label = PREFIX_SEARCHES[type as PrefixSearchType].label;
  const rows: HitRow[] = indexed.map((hit) => ({ type: label, id: hit.id, label: hit.label, ringId: null }));
  if (type === "account" || type === "contact") {
    await Promise.all(
      rows.map(async (row) => {
        const found = await store.query(cypher(`reads/search-ring-of-${type}`), { id: row.id }, { timeoutMs });
        row.ringId = found.rows[0]?.ringId ?? null;
      }),
    );
  }
  if (type !== "address") return rows;
  // An address also matches by any part of its key, which no prefix index answers.
  const byId = new Map<string, HitRow | null>(rows.map((r) => [String(r.id), r]));
  for (const { id } of await scan("search-address-key")) if (!byId.has(String(id))) byId.set(String(id), null);
  const first = [...byId.keys()].sort(byCodePoint).slice(0, params.limit);
  return Promise.all(
    first.map(
      async (id) =>
        byId.get(id) ??
        (await store.query(cypher("reads/search-address-label"), { id }, { timeoutMs })).rows[0] ?? { type: label, id, label: id },
    ),
  );
}

function isPrefixType(type: SearchType): type is PrefixSearchType {
  return type in PREFIX_SEARCHES;
}
