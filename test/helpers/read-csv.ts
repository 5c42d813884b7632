/** Reads a small CSV file into records, for assertions on reports the code wrote. */
import fs from "node:fs";
import { parse } from "csv-parse/sync";

export function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
}
