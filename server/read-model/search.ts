/**
 * Prefix, case-insensitive search over accounts (id, email, name), devices, employees (id,
 * name), addresses (street line, or any part of the normalised key), rings, and the
 * identifier nodes an analyst pastes from a case: emails, payment ids, IPs (by prefix) and
 * phones (by their digits anywhere, so a national number finds its E.164 form).
 */
import type { GraphStore } from "../store/graph-store.ts";
import type { SearchHit } from "../../wire/wire-types.ts";
import { canonWords } from "../domain/normalise/address-key.ts";

const SEARCHES = [
  `MATCH (a:Account) WHERE toLower(a.id) STARTS WITH $q OR toLower(a.email) STARTS WITH $q OR toLower(a.name) STARTS WITH $q
   OPTIONAL MATCH (a)-[:MEMBER_OF]->(r:Ring)
   RETURN 'Account' AS type, a.id AS id, coalesce(a.name, a.email, a.id) AS label, r.id AS ringId ORDER BY id LIMIT $limit`,
  `MATCH (d:Device) WHERE toLower(d.id) STARTS WITH $q
   RETURN 'Device' AS type, d.id AS id, d.id AS label, NULL AS ringId ORDER BY id LIMIT $limit`,
  `MATCH (e:Employee) WHERE toLower(e.id) STARTS WITH $q OR toLower(e.name) STARTS WITH $q
   RETURN 'Employee' AS type, e.id AS id, coalesce(e.name, e.id) AS label, NULL AS ringId ORDER BY id LIMIT $limit`,
  `MATCH (x:Address) WHERE toLower(x.line1) STARTS WITH $q OR x.id CONTAINS $folded
   RETURN 'Address' AS type, x.id AS id, x.line1 AS label, NULL AS ringId ORDER BY id LIMIT $limit`,
  `MATCH (x:Email) WHERE x.id STARTS WITH $q
   RETURN 'Email' AS type, x.id AS id, x.id AS label, NULL AS ringId ORDER BY id LIMIT $limit`,
  `MATCH (x:Payment) WHERE toLower(x.id) STARTS WITH $q
   RETURN 'Payment' AS type, x.id AS id, x.id AS label, NULL AS ringId ORDER BY id LIMIT $limit`,
  `MATCH (x:IP) WHERE x.id STARTS WITH $q
   RETURN 'IP' AS type, x.id AS id, x.id AS label, NULL AS ringId ORDER BY id LIMIT $limit`,
  `MATCH (x:Phone) WHERE $digits <> '' AND x.id CONTAINS $digits
   RETURN 'Phone' AS type, x.id AS id, x.id AS label, NULL AS ringId ORDER BY id LIMIT $limit`,
  `MATCH (r:Ring) WHERE toLower(r.id) STARTS WITH $q
   RETURN 'Ring' AS type, r.id AS id, r.id AS label, r.id AS ringId ORDER BY id LIMIT $limit`,
];

export async function search(store: GraphStore, text: string, limit: number, timeoutMs: number): Promise<SearchHit[]> {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const folded = canonWords(text);
  // Phones are stored as E.164 (+ and digits): search them by the digits typed, spaces and dashes aside.
  const typed = /^[\d\s()+.-]+$/.test(q) ? q.replace(/\D/g, "") : "";
  const digits = typed.length >= 4 ? typed : "";
  const results = await Promise.all(SEARCHES.map((s) => store.query(s, { q, folded: folded || q, digits, limit }, { timeoutMs })));
  return results.flatMap((r) => r.rows).slice(0, limit).map((r) => ({
    type: String(r.type), id: String(r.id), label: String(r.label ?? r.id), ringId: (r.ringId as string | null) ?? null,
  }));
}
