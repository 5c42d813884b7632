/**
 * Finds each kind's input file in an import folder: the mapping's name if given, else
 * `<kind>.csv` or `<kind>.jsonl`, matched case-insensitively.
 */
import fs from "node:fs";
import path from "node:path";
import { RinglensError } from "../errors.ts";
import { FILE_KINDS, type FileKind } from "./file-specs.ts";
import type { Mapping } from "./mapping.ts";

export function locateFiles(folder: string, mapping: Mapping): Record<FileKind, string | null> {
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    throw new RinglensError("not-found", `load: cannot read the folder ${folder}; give a folder of CSV or JSONL files`);
  }
  const byLower = new Map(entries.map((e) => [e.toLowerCase(), e]));
  const found = {} as Record<FileKind, string | null>;
  for (const kind of FILE_KINDS) {
    const wanted = mapping.files[kind];
    const candidates = wanted ? [wanted] : [`${kind}.csv`, `${kind}.jsonl`];
    const hit = candidates.map((c) => byLower.get(c.toLowerCase())).find((c) => c !== undefined);
    if (wanted && !hit) {
      throw new RinglensError("not-found", `load: the mapping names ${wanted} for ${kind}, but ${folder} has no such file`);
    }
    found[kind] = hit ? path.join(folder, hit) : null;
  }
  if (!found.accounts) {
    throw new RinglensError(
      "invalid-input",
      `load: ${folder} has no accounts.csv or accounts.jsonl; accounts are required (see docs/input-format.md)`,
    );
  }
  return found;
}
