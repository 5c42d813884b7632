/**
 * `npm run bench:import -- --mb 1024`: generates a folder with a refunds.csv of that size,
 * imports it with `ringlens load` in its own process, and prints rows/s, MB/s, the peak RSS,
 * the RSS over time and the row accounting. Exit 1 when a row is unaccounted for.
 */
import { Command, InvalidArgumentError } from "commander";
import { measureBigImport, type BigImportResult } from "./measure-big-import.ts";

const positive = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} expects a positive number, not "${value}".`);
  return n;
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function formatBigImport(r: BigImportResult): string {
  const rows = (n: number) => n.toLocaleString("en-US");
  const lines = [
    `| figure | value |`,
    `| --- | --- |`,
    `| refunds.csv | ${mb(r.planted.refundBytes)}, ${rows(r.planted.refundRows)} rows (+ accounts.csv ${rows(r.planted.accounts)}, employees.csv ${rows(r.planted.employees)}) |`,
    `| generate | ${r.generateSeconds.toFixed(1)} s |`,
    `| load | ${r.loadSeconds.toFixed(1)} s = ${rows(Math.round(r.rowsPerSecond))} rows/s = ${r.mbPerSecond.toFixed(2)} MB/s |`,
    `| peak RSS of ringlens load | ${mb(r.peakRssBytes)} |`,
    `| RSS at 10/25/50/75/90 % of the load | ${r.rssOverTime.map((s) => mb(s.bytes)).join(" · ")} |`,
    `| refunds read / loaded / rejected / duplicates (replaced) | ${rows(r.refunds.read)} / ${rows(r.refunds.loaded)} / ${rows(r.refunds.rejected)} / ${rows(r.refunds.duplicates)} (${rows(r.refunds.replaced)}) |`,
    `| planted: bad / identical repeats / changed repeats | ${rows(r.planted.badRows)} / ${rows(r.planted.identicalRepeats)} / ${rows(r.planted.changedRepeats)} |`,
    `| Refund nodes in the store | ${rows(r.storedRefunds)} |`,
  ];
  return `${lines.join("\n")}\n`;
}

export function accountingProblems(r: BigImportResult): string[] {
  const problems: string[] = [];
  for (const key of ["read", "loaded", "rejected", "duplicates", "replaced"] as const) {
    if (r.refunds[key] !== r.expected[key]) problems.push(`refunds ${key}: ${r.refunds[key]}, planted ${r.expected[key]}`);
  }
  if (r.storedRefunds !== r.expected.loaded) problems.push(`Refund nodes in the store: ${r.storedRefunds}, expected ${r.expected.loaded}`);
  return problems;
}

async function main(argv: string[]): Promise<number> {
  const command = new Command("npm run bench:import --")
    .description("Import a generated refunds.csv of the given size with `ringlens load`; print time, rows/s, peak RSS and RSS over time.")
    .option("--mb <n>", "size of refunds.csv in MB", positive("--mb"), 1024)
    .option("--db-memory-mb <n>", "engine buffer pool (RINGLENS_DB_MEMORY_MB; ringlens' default when unset)", positive("--db-memory-mb"))
    .parse(argv);
  const flags = command.opts<{ mb: number; dbMemoryMb?: number }>();
  let last = 0;
  const result = await measureBigImport({
    mb: flags.mb,
    dbMemoryMb: flags.dbMemoryMb,
    onProgress: (line) => {
      if (Date.now() - last < 10_000 && !line.startsWith("generated")) return;
      last = Date.now();
      process.stderr.write(`bench:import: ${line}\n`);
    },
  });
  process.stdout.write(formatBigImport(result));
  const problems = accountingProblems(result);
  for (const p of problems) process.stderr.write(`bench:import: row accounting failed: ${p}\n`);
  return problems.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv);
