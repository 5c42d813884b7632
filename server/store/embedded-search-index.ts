/**
 * The embedded store's prefix index for search. The engine has no ordered index, so a prefix
 * search scans: at 1M accounts one search's eleven statements took 440–530 ms. This index is
 * a folder beside the store of sorted `key<TAB>id<TAB>label` files (no label when it is the id), one per searched field
 * (server/read-model/search-fields.ts), written by the engine's own `COPY (… ORDER BY) TO`;
 * a search reads a few hundred bytes of each by binary search (sorted-key-file.ts). Values
 * holding a tab, line break or double quote (which the engine's CSV would quote) are kept in
 * the manifest's side list instead. The index holds for one import: its manifest records the
 * store's `lastImport` record, and a store whose record differs has no index (search scans).
 */
import fs from "node:fs";
import path from "node:path";
import type { Exec } from "./embedded-connection.ts";
import {
  type BuiltIndex,
  PREFIX_SEARCHES,
  byCodePoint,
  type IndexedHit,
  type PrefixIndex,
  type PrefixSearch,
  type PrefixSearchType,
} from "../read-model/search-fields.ts";
import { SortedKeyFile } from "./sorted-key-file.ts";

const FOLDER = "search-index";
const MANIFEST = "manifest.json";
/** Lines read from one field's file for one search before scanning is the quicker way (a 1–2 letter prefix). */
const MOST_PER_FIELD = 20_000;
/**
 * What the engine's CSV writer quotes: a value holding a quote, tab or line break (CONTAINS: a
 * regular expression costs 60× more). The characters go as parameters: the engine's string
 * literals have no escapes.
 */
const QUOTING = { quote: '"', tab: "\t", lf: "\n", cr: "\r" };
const QUOTED = ["k", "id", "label"].flatMap((v) => Object.keys(QUOTING).map((c) => `${v} CONTAINS $${c}`)).join(" OR ");

interface Manifest {
  /** The store's `lastImport` record the index was built for. */
  version: string;
  types: Record<string, { files: string[]; aside: { key: string; id: string; label: string }[] }>;
}

// The engine's COPY TO writes a column once when two project the same expression (n.id as key
// and as id): the key is concat(…, '') then, and a hit labelled by its id has no label column.
const keyOf = (property: string, lowered: boolean) => (lowered ? `lower(n.${property})` : `concat(n.${property}, '')`);
const labelled = (search: PrefixSearch) => search.labelFrom.length > 0;

function rowsOf(search: PrefixSearch, property: string, lowered: boolean): string {
  const label = labelled(search) ? `coalesce(${[...search.labelFrom.map((p) => `n.${p}`), "n.id"].join(", ")})` : "n.id";
  return (
    `MATCH (n:${search.label}) WHERE n.${property} IS NOT NULL AND size(n.${property}) > 0 ` +
    `WITH ${keyOf(property, lowered)} AS k, n.id AS id, ${label} AS label`
  );
}

/**
 * Writes the index for the data as it is now, for `version` (the `lastImport` record), into
 * a new folder that then replaces the old one. A search meanwhile finds the old one stale.
 */
export async function buildSearchIndex(exec: Exec, tmp: string, storeFolder: string, version: string): Promise<BuiltIndex> {
  const started = performance.now();
  const next = path.join(storeFolder, `${FOLDER}.next`);
  fs.rmSync(next, { recursive: true, force: true });
  fs.mkdirSync(next);
  const manifest: Manifest = { version, types: {} };
  let bytes = 0;
  for (const [type, search] of Object.entries(PREFIX_SEARCHES) as [PrefixSearchType, PrefixSearch][]) {
    const entry: Manifest["types"][string] = { files: [], aside: [] };
    for (const { property, lowered } of search.fields) {
      const name = `${type}.${property}.csv`;
      // Written in the temp folder, whose path holds no quote, and moved beside the store.
      const file = path.join(tmp, name);
      const rows = rowsOf(search, property, lowered);
      const columns = labelled(search) ? "k, id, label" : "k, id";
      const copy = (where: string) => `COPY (${rows} ${where} RETURN ${columns} ORDER BY k) TO '${file}' (header=false, delim='\t')`;
      await exec(copy(""));
      // The engine quotes a value holding a quote, tab or line break, so a file with no quote
      // has none; else it is written again without them, and they are kept aside.
      if (fs.existsSync(file) && hasQuote(file)) {
        await exec(copy(`WHERE NOT (${QUOTED})`), QUOTING);
        const aside = await exec(`${rows} WHERE ${QUOTED} RETURN k, id, label`, QUOTING);
        for (const r of aside.rows) entry.aside.push({ key: String(r.k), id: String(r.id), label: String(r.label) });
      }
      if (!fs.existsSync(file)) fs.writeFileSync(file, "");
      bytes += fs.statSync(file).size;
      moveFile(file, path.join(next, name));
      entry.files.push(name);
    }
    manifest.types[type] = entry;
  }
  fs.writeFileSync(path.join(next, MANIFEST), JSON.stringify(manifest));
  const current = path.join(storeFolder, FOLDER);
  const old = path.join(storeFolder, `${FOLDER}.old`);
  fs.rmSync(old, { recursive: true, force: true });
  if (fs.existsSync(current)) fs.renameSync(current, old);
  fs.renameSync(next, current);
  fs.rmSync(old, { recursive: true, force: true });
  return { bytes, ms: Math.round(performance.now() - started) };
}

/** Removes the index (the store's data is about to change). */
export function dropSearchIndex(storeFolder: string): void {
  fs.rmSync(path.join(storeFolder, FOLDER), { recursive: true, force: true });
}

/** The index built for `version`, or null when there is none or it was built for other data. */
export function openSearchIndex(storeFolder: string, version: string): OpenSearchIndex | null {
  const folder = path.join(storeFolder, FOLDER);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), "utf8")) as Manifest;
  } catch {
    return null;
  }
  if (manifest.version !== version) return null;
  return new OpenSearchIndex(folder, manifest);
}

export class OpenSearchIndex implements PrefixIndex {
  private readonly files = new Map<string, SortedKeyFile[]>();
  private closed = false;

  constructor(
    folder: string,
    private readonly manifest: Manifest,
  ) {
    for (const [type, entry] of Object.entries(manifest.types)) {
      this.files.set(
        type,
        entry.files.map((name) => SortedKeyFile.open(path.join(folder, name))),
      );
    }
  }

  get version(): string {
    return this.manifest.version;
  }

  firstHits(type: PrefixSearchType, prefix: string, limit: number): IndexedHit[] | null {
    const files = this.files.get(type);
    const entry = this.manifest.types[type];
    if (this.closed || !files || !entry) return null;
    const hits = new Map<string, string>();
    for (const file of files) {
      const rest = file.restWithPrefix(prefix, MOST_PER_FIELD);
      if (rest === null) return null;
      for (const line of rest) {
        const tab = line.indexOf("\t");
        if (tab === -1) hits.set(line, line);
        else hits.set(line.slice(0, tab), line.slice(tab + 1));
      }
    }
    for (const aside of entry.aside) if (aside.key.startsWith(prefix)) hits.set(aside.id, aside.label);
    return [...hits.keys()]
      .sort(byCodePoint)
      .slice(0, limit)
      .map((id) => ({ id, label: hits.get(id)! }));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const files of this.files.values()) for (const f of files) f.close();
  }
}

function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    fs.copyFileSync(from, to);
    fs.rmSync(from);
  }
}

function hasQuote(file: string): boolean {
  const fd = fs.openSync(file, "r");
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return false;
      if (buffer.subarray(0, n).includes(0x22)) return true;
    }
  } finally {
    fs.closeSync(fd);
  }
}
