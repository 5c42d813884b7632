/**
 * The store's meta records (what the last import and the last analysis left behind), one zod
 * schema per key. `readMeta` and `writeMeta` are the only way in and out, so every reader gets
 * the same typed value and no site casts a JSON string.
 */
import { z } from "zod";
import { RinglensError } from "../errors.ts";
import type { AnalysisSummary } from "../domain/analysis-types.ts";
import type { ImportSummary } from "../../wire/wire-types.ts";
import type { GraphStore } from "./graph-store.ts";

const LastImport = z.object({
  at: z.string(),
  folder: z.string(),
  read: z.number(),
  loaded: z.number(),
  rejected: z.number(),
}) satisfies z.ZodType<ImportSummary>;

const LastAnalysis = z.object({
  at: z.string(),
  rings: z.number(),
  flagged: z.number(),
  high: z.number(),
  hubs: z.number(),
  hubThreshold: z.number(),
  phases: z.array(z.object({ phase: z.string(), ms: z.number() })),
}) satisfies z.ZodType<AnalysisSummary>;

export const META_SCHEMAS = { lastImport: LastImport, lastAnalysis: LastAnalysis } as const;
export type MetaKey = keyof typeof META_SCHEMAS;
export type MetaValue<K extends MetaKey> = z.infer<(typeof META_SCHEMAS)[K]>;

/**
 * The record under `key`, parsed and checked, or null when none was written. A record that
 * does not match its schema is a bug or a foreign store, and throws naming the key.
 *
 * @example (await readMeta(store, "lastAnalysis"))?.hubThreshold // 30
 */
export async function readMeta<K extends MetaKey>(store: Pick<GraphStore, "getMeta">, key: K): Promise<MetaValue<K> | null> {
  const text = await store.getMeta(key);
  if (text === null) return null;
  // What to do about a bad record: the command that writes it writes it again.
  const rewrite = key === "lastImport" ? "ringlens load" : "ringlens analyze";
  const unreadable = (why: string) =>
    new RinglensError("unavailable", `store meta \`${key}\`: ${why}; run \`${rewrite}\` again to rewrite it`, { key });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unreadable(`not JSON: ${text.slice(0, 80)}`);
  }
  const parsed = META_SCHEMAS[key].safeParse(json);
  if (!parsed.success) throw unreadable(`${parsed.error.issues[0]!.path.join(".") || "value"} ${parsed.error.issues[0]!.message}`);
  return parsed.data as MetaValue<K>;
}

/**
 * Checks `value` against the key's schema and records it as JSON.
 *
 * @example await writeMeta(store, "lastImport", { at, folder, read: 10, loaded: 9, rejected: 1 })
 */
export async function writeMeta<K extends MetaKey>(store: Pick<GraphStore, "setMeta">, key: K, value: MetaValue<K>): Promise<void> {
  await store.setMeta(key, JSON.stringify(META_SCHEMAS[key].parse(value)));
}
