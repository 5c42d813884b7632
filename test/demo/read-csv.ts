/**
 * Test helper: reads one demo CSV completely (test sizes only) into records keyed by header.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

export async function readCsv(folder: string, file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(join(folder, file), "utf8"), { columns: true }) as Record<string, string>[];
}
