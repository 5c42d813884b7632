/**
 * The embedded engine's analysis write-back: the result staged as CSV files (embedded-staged-csv.ts), copied
 * by the engine into staged tables and swapped in (embedded-analysis-writes.ts has the statements).
 */
import path from "node:path";
import type { AnalysisResult } from "../domain/analysis-types.ts";
import type { Exec } from "./embedded-connection.ts";
import { checkpoint } from "../checkpoints.ts";
import { writeStagedCsv } from "./embedded-staged-csv.ts";
import { memberTable, ringTable, suspectTable } from "./analysis-rows.ts";
import { copyRelsStatement, copyRingsStatement, stagedTablesStatements, swapStatements } from "./embedded-analysis-writes.ts";

/** Resolves once pending promise callbacks have run: what an engine call queued has been issued. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Copies the new analysis into staged tables, then swaps them in by one small transaction; on
 * failure the engine rolls back and the staged tables are made anew by the next run. The
 * engine's statements run with no read in flight (`withoutReads`): a COPY or COMMIT may
 * checkpoint, and a checkpoint waits for open transactions only so long before it fails.
 */
export async function writeResult(
  exec: Exec,
  tmp: string,
  result: AnalysisResult,
  withoutReads: (write: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const rings = { file: path.join(tmp, "rings.csv"), table: ringTable(result) };
  const members = { file: path.join(tmp, "members.csv"), table: memberTable(result) };
  const suspects = { file: path.join(tmp, "suspects.csv"), table: suspectTable(result) };
  writeStagedCsv(rings.file, rings.table);
  await withoutReads(async () => {
    for (const statement of stagedTablesStatements()) await exec(statement);
    // The engine copies the rings on its own threads while this thread stages the rest.
    const copyingRings = exec(copyRingsStatement(rings.table.columns, rings.file, result.analysedAt));
    copyingRings.catch(() => undefined); // awaited below, also when staging fails first
    await turn(); // the statement reaches the engine before the staging holds this thread
    try {
      writeStagedCsv(members.file, members.table);
      writeStagedCsv(suspects.file, suspects.table);
    } finally {
      await copyingRings;
    }
    // Members keep the parallel reader (the bulk of the write); an account id holding a quoted
    // line break would need parallel=false like the other two files.
    await exec(copyRelsStatement("MEMBER_OF", members.table.columns, members.file, true));
    await exec(copyRelsStatement("SUSPECTED_IN", suspects.table.columns, suspects.file, false));
    await checkpoint("analyze:before-swap");
    const swap = swapStatements();
    await exec("BEGIN TRANSACTION");
    try {
      for (const statement of swap.drops) await exec(statement);
      await checkpoint("analyze:inside-write-back");
      for (const statement of swap.renames) await exec(statement);
      await exec("COMMIT");
    } catch (error) {
      await exec("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}
