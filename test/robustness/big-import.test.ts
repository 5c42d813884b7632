/**
 * A large generated refunds.csv imports with memory bounded by the batch, not the file: the
 * load runs with Node's heap capped well below what holding the file's rows would take, every
 * row is loaded or accounted for exactly as planted (bad rows rejected, identical and changed
 * repeats counted, the later row winning), and the peak RSS is printed. The 1 GB run is
 * `npm run bench:import` (figures in bench/README.md).
 */
import { describe, expect, it } from "vitest";
import { measureBigImport } from "../../bench/big-import/measure-big-import.ts";
import { accountingProblems, formatBigImport } from "../../bench/big-import/run-big-import.ts";

const FILE_MB = 80;
// ~580k refund rows take ~350 MB of heap as row objects (~600 bytes each) and ~60 MB as their keys in a Map:
// a loader that held the file, or all its keys as strings, could not finish under this cap.
const HEAP_CAP_MB = 256;

describe("importing a large file", () => {
  it(`loads a ${FILE_MB} MB refunds.csv with the heap capped at ${HEAP_CAP_MB} MB, every row accounted for`, async () => {
    const result = await measureBigImport({
      mb: FILE_MB,
      accounts: 20_000,
      dbMemoryMb: 256,
      nodeOptions: `--max-old-space-size=${HEAP_CAP_MB}`,
    });
    process.stdout.write(formatBigImport(result));
    expect(accountingProblems(result)).toEqual([]);
    expect(result.refunds.read).toBeGreaterThan(550_000);
    expect(result.peakRssBytes).toBeGreaterThan(0);
  }, 300_000);
});
