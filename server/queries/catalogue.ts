/**
 * The saved-query catalogue: loads every `cypher/queries/*.cypher` once at start-up (failing
 * fast on a broken header), paired with its `.kuzu.cypher` text by the one loader of Cypher
 * files, and validates run-time parameters against the declarations.
 */
import path from "node:path";
import { CYPHER_ROOT, listCypherFiles, readCypherSource } from "../cypher/cypher-files.ts";
import { RinglensError } from "../errors.ts";
import { coerceParam } from "./coerce-param.ts";
import { findWriteClause } from "./find-write-clause.ts";
import { parseQueryFile } from "./parse-query-file.ts";
import type { QueryDefinition } from "./query-definition.ts";

export const DEFAULT_QUERY_DIR = path.join(CYPHER_ROOT, "queries");

export type Catalogue = ReadonlyMap<string, QueryDefinition>;

export function loadCatalogue(dir: string = DEFAULT_QUERY_DIR): Catalogue {
  const root = path.dirname(path.resolve(dir));
  const folder = path.basename(path.resolve(dir));
  const catalogue = new Map<string, QueryDefinition>();
  for (const file of listCypherFiles(folder, root)) {
    const { text, raw } = readCypherSource(folder, file, root);
    const parsed = parseQueryFile(file, raw);
    if (catalogue.has(parsed.name)) {
      throw new RinglensError(
        "invalid-input",
        `queries: ${file}: @name ${parsed.name} is also used by ${catalogue.get(parsed.name)!.file}`,
      );
    }
    const write = findWriteClause(text.kuzu);
    if (write)
      throw new RinglensError(
        "invalid-input",
        `queries: ${file.replace(/\.cypher$/, ".kuzu.cypher")}: contains the write clause ${write}; saved queries are read-only`,
      );
    catalogue.set(parsed.name, { ...parsed, text });
  }
  return catalogue;
}

/** Checks params against the declarations: unknown, missing and mistyped ones are refused by name. */
export function bindParams(query: QueryDefinition, given: Record<string, unknown>): Record<string, unknown> {
  const declared = new Set(query.params.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      throw new RinglensError(
        "invalid-input",
        `query ${query.name}: unknown parameter \`${name}\`; it takes ${[...declared].join(", ") || "none"}`,
        { param: name },
      );
    }
  }
  const bound: Record<string, unknown> = {};
  for (const p of query.params) {
    const value = given[p.name];
    if (value === undefined || value === null) {
      if (p.required)
        throw new RinglensError("invalid-input", `query ${query.name}: parameter \`${p.name}\` (${p.type}) is required`, {
          param: p.name,
          type: p.type,
        });
      bound[p.name] = p.default;
      continue;
    }
    const coerced = coerceParam(p.type, value);
    if (!coerced.ok) {
      throw new RinglensError("invalid-input", `query ${query.name}: parameter \`${p.name}\` must be ${p.type}: ${coerced.reason}`, {
        param: p.name,
        type: p.type,
      });
    }
    const n = coerced.value;
    if (typeof n === "number" && ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max))) {
      const range = `${p.min ?? "…"}..${p.max ?? "…"}`;
      throw new RinglensError("invalid-input", `query ${query.name}: parameter \`${p.name}\` must be within ${range}, got ${n}`, {
        param: p.name,
        type: p.type,
        min: p.min,
        max: p.max,
      });
    }
    bound[p.name] = n;
  }
  return bound;
}
