/**
 * The saved-query catalogue: loads every `cypher/queries/*.cypher` once at start-up (failing
 * fast on a broken header), pairs each with its `.kuzu.cypher` text where the embedded
 * engine's dialect differs, and validates run-time parameters against the declarations.
 */
import fs from "node:fs";
import path from "node:path";
import { RinglensError } from "../errors.ts";
import { coerceParam } from "./coerce-param.ts";
import { findWriteClause } from "./find-write-clause.ts";
import { parseQueryFile } from "./parse-query-file.ts";
import type { QueryDefinition } from "./query-definition.ts";

export const DEFAULT_QUERY_DIR = fileURLToPathSafe(new URL("../../cypher/queries/", import.meta.url));

function fileURLToPathSafe(url: URL): string {
  return decodeURIComponent(url.pathname);
}

export type Catalogue = ReadonlyMap<string, QueryDefinition>;

export function loadCatalogue(dir: string = DEFAULT_QUERY_DIR): Catalogue {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cypher") && !f.endsWith(".kuzu.cypher")).sort();
  const catalogue = new Map<string, QueryDefinition>();
  for (const file of files) {
    const parsed = parseQueryFile(file, fs.readFileSync(path.join(dir, file), "utf8"));
    if (catalogue.has(parsed.name)) {
      throw new RinglensError("invalid-input", `queries: ${file}: @name ${parsed.name} is also used by ${catalogue.get(parsed.name)!.file}`);
    }
    const kuzuFile = path.join(dir, file.replace(/\.cypher$/, ".kuzu.cypher"));
    let embedded = parsed.neo4j;
    if (fs.existsSync(kuzuFile)) {
      embedded = fs.readFileSync(kuzuFile, "utf8").split(/\r?\n/).filter((l) => !l.trim().startsWith("//")).join("\n").trim().replace(/;\s*$/, "");
      const write = findWriteClause(embedded);
      if (write) throw new RinglensError("invalid-input", `queries: ${path.basename(kuzuFile)}: contains the write clause ${write}; saved queries are read-only`);
    }
    catalogue.set(parsed.name, { ...parsed, embedded });
  }
  return catalogue;
}

/** Checks params against the declarations: unknown, missing and mistyped ones are refused by name. */
export function bindParams(query: QueryDefinition, given: Record<string, unknown>): Record<string, unknown> {
  const declared = new Set(query.params.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      throw new RinglensError("invalid-input", `query ${query.name}: unknown parameter \`${name}\`; it takes ${[...declared].join(", ") || "none"}`, { param: name });
    }
  }
  const bound: Record<string, unknown> = {};
  for (const p of query.params) {
    const value = given[p.name];
    if (value === undefined || value === null) {
      if (p.required) throw new RinglensError("invalid-input", `query ${query.name}: parameter \`${p.name}\` (${p.type}) is required`, { param: p.name, type: p.type });
      bound[p.name] = p.default;
      continue;
    }
    const coerced = coerceParam(p.type, value);
    if (!coerced.ok) {
      throw new RinglensError("invalid-input", `query ${query.name}: parameter \`${p.name}\` must be ${p.type}: ${coerced.reason}`, { param: p.name, type: p.type });
    }
    const n = coerced.value;
    if (typeof n === "number" && ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max))) {
      const range = `${p.min ?? "…"}..${p.max ?? "…"}`;
      throw new RinglensError("invalid-input", `query ${query.name}: parameter \`${p.name}\` must be within ${range}, got ${n}`, { param: p.name, type: p.type, min: p.min, max: p.max });
    }
    bound[p.name] = n;
  }
  return bound;
}
