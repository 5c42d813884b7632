/**
 * Prefix, case-insensitive search over accounts (id, email, name), devices, employees (id,
 * name), addresses (street line, or any part of the normalised key), rings, and the
 * identifier nodes an analyst pastes from a case: emails, payment ids, IPs (by prefix),
 * phones (by their digits anywhere, so a national number finds its E.164 form), support
 * contacts (by id) and chat handles (with or without their @).
 */
import type { GraphStore } from "../store/graph-store.ts";
import type { SearchHit } from "../../wire/wire-types.ts";
import { canonWords } from "../domain/normalise/address-key.ts";
import { cypher } from "../cypher/cypher-files.ts";

/** One statement per type searched (cypher/reads/search-*.cypher); their hits are listed in this order. */
const SEARCHES = ["account", "device", "employee", "address", "email", "payment", "ip", "phone", "contact", "handle", "ring"].map(
  (type) => `reads/search-${type}`,
);

export async function search(store: GraphStore, text: string, limit: number, timeoutMs: number): Promise<SearchHit[]> {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const folded = canonWords(text);
  // Phones are stored as E.164 (+ and digits): search them by the digits typed, spaces and dashes aside.
  const typed = /^[\d\s()+.-]+$/.test(q) ? q.replace(/\D/g, "") : "";
  const digits = typed.length >= 4 ? typed : "";
  const handle = q.replace(/^@+/, "");
  const results = await Promise.all(
    SEARCHES.map((s) => store.query(cypher(s), { q, folded: folded || q, digits, handle, limit }, { timeoutMs })),
  );
  return results
    .flatMap((r) => r.rows)
    .slice(0, limit)
    .map((r) => ({
      type: String(r.type),
      id: String(r.id),
      label: String(r.label ?? r.id),
      ringId: (r.ringId as string | null) ?? null,
    }));
}
