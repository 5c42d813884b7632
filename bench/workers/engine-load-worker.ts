/**
 * Child process of the load section: loads pre-normalised rows with the engine alone into a
 * fresh store with ringlens' schema, and prints `{ ms, statements }` as JSON.
 *   merge DIR DB — ringlens' own `LOAD FROM … MERGE` statements, one per kind, whole files
 *   copy DIR DB  — ringlens' own `COPY table FROM file` into the empty tables, in the order
 *                  copy-files.ts recorded
 * Schema creation is not timed.
 */
import fs from "node:fs";
import path from "node:path";
import { openBenchEngine } from "../engine/bench-engine.ts";
import { copyStatement, loadStatements } from "../../server/store/embedded-loads.ts";
import { UPSERT_ORDER } from "../../server/store/graph-store.ts";
import { COPY_ORDER_FILE, type CopyFile } from "../load/copy-files.ts";

const [mode, dir, db] = process.argv.slice(2);
if ((mode !== "merge" && mode !== "copy") || !dir || !db) {
  process.stderr.write("usage: engine-load-worker merge|copy DIR DB\n");
  process.exit(2);
}

const work: { label: string; statement: string }[] = [];
if (mode === "merge") {
  for (const kind of UPSERT_ORDER) {
    const file = path.join(dir, `${kind}.csv`);
    if (!fs.existsSync(file)) continue;
    const statements = loadStatements(kind, file);
    for (const [i, statement] of statements.entries()) work.push({ label: statements.length > 1 ? `${kind} #${i + 1}` : kind, statement });
  }
} else {
  const files = JSON.parse(fs.readFileSync(path.join(dir, COPY_ORDER_FILE), "utf8")) as CopyFile[];
  for (const { table, file } of files) work.push({ label: table, statement: copyStatement(table, file) });
}

const engine = await openBenchEngine(db, { withSchema: true });
const statements: { label: string; ms: number }[] = [];
const started = performance.now();
try {
  for (const { label, statement } of work) {
    const t = performance.now();
    await engine.exec(statement);
    statements.push({ label, ms: performance.now() - t });
  }
} finally {
  await engine.close();
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, statements })}\n`);
