/**
 * The optional mapping file (`--mapping mapping.json`): renames a user's own files and columns
 * onto the input contract. Validated with zod so a typo gets a message naming the key.
 */
import fs from "node:fs";
import { z } from "zod";
import { RinglensError, messageOf } from "../errors.ts";
import { FILE_KINDS, type FileKind } from "./file-specs.ts";

const kindRecord = <T extends z.ZodTypeAny>(value: T) => z.partialRecord(z.enum(FILE_KINDS), value);

const MappingSchema = z.strictObject({
  files: kindRecord(z.string().min(1)).optional(),
  columns: kindRecord(z.record(z.string(), z.string().min(1))).optional(),
});

export interface Mapping {
  files: Partial<Record<FileKind, string>>;
  /** Per kind: contract column → the user's column name. */
  columns: Partial<Record<FileKind, Record<string, string>>>;
}

export const EMPTY_MAPPING: Mapping = { files: {}, columns: {} };

export function readMapping(file: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new RinglensError("invalid-input", `load: mapping file ${file} is not readable JSON: ${messageOf(error)}`);
  }
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === "unrecognized_keys") {
      const at = [...issue.path, issue.keys[0]].join(".");
      const expected = issue.path.length === 0 ? "files, columns" : FILE_KINDS.join(", ");
      throw new RinglensError("invalid-input", `load: mapping file ${file}: unknown key \`${at}\`; expected one of ${expected}`);
    }
    throw new RinglensError("invalid-input", `load: mapping file ${file}, at \`${issue.path.join(".") || "top level"}\`: ${issue.message}`);
  }
  return { files: parsed.data.files ?? {}, columns: parsed.data.columns ?? {} };
}

/** Header name (as in the file) → contract column name, case-insensitively. */
export function headerRenamer(mapping: Mapping, kind: FileKind): (header: string) => string {
  const reverse = new Map<string, string>();
  for (const [contract, theirs] of Object.entries(mapping.columns[kind] ?? {})) reverse.set(theirs.trim().toLowerCase(), contract);
  return (header) => {
    const h = header.trim().toLowerCase();
    return reverse.get(h) ?? h;
  };
}
