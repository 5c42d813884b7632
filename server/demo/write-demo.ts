/**
 * Writes a demo import folder: the CSVs of docs/input-format.md plus truth/rings.csv and
 * truth/insiders.csv (identifier rings and service rings alike), streamed chunk by chunk so a million accounts fit in bounded memory.
 * Only this module and csv-sink.ts touch the file system; generation is in generate-demo.ts.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { CsvSink } from "./csv-sink.ts";
import { DEMO_COLUMNS, type DemoRow, type DemoTable } from "./demo-columns.ts";
import { resolveDemoOptions, type DemoFile, type DemoOptions, type DemoSummary } from "./demo-options.ts";
import { generateDemo } from "./generate-demo.ts";

export interface WriteDemoOptions extends Partial<DemoOptions> {
  /** Output folder; created when missing, existing demo files are overwritten. */
  out: string;
  /** Called after each chunk of accounts is handed to the files. */
  onProgress?: (progress: { accounts: number; total: number }) => void;
}

/**
 * @example await writeDemo({ accounts: 1_000_000, rings: 200, seed: 1, out: "data/demo" })
 */
export async function writeDemo(options: WriteDemoOptions): Promise<DemoSummary> {
  const resolved = resolveDemoOptions({ accounts: options.accounts, rings: options.rings, seed: options.seed, hard: options.hard });
  const demo = generateDemo(resolved);
  await mkdir(join(options.out, "truth"), { recursive: true });
  const open: CsvSink<Record<string, string>>[] = [];
  const sink = <T extends DemoTable>(file: DemoFile, table: T) => {
    const created = new CsvSink<DemoRow<T>>(join(options.out, file), DEMO_COLUMNS[table]);
    open.push(created as unknown as CsvSink<Record<string, string>>);
    return created;
  };

  try {
    const employees = sink("employees.csv", "employees");
    await employees.writeAll(demo.employees);
    const rows: Partial<Record<DemoFile, number>> = { "employees.csv": await employees.close() };
    const accounts = sink("accounts.csv", "accounts");
    const addresses = sink("addresses.csv", "addresses");
    const devices = sink("devices.csv", "devices");
    const payments = sink("payments.csv", "payments");
    const refunds = sink("refunds.csv", "refunds");
    const contacts = sink("contacts.csv", "contacts");
    let written = 0;
    let step = demo.population.next();
    for (; !step.done; step = demo.population.next()) {
      await accounts.writeAll(step.value.accounts);
      await addresses.writeAll(step.value.addresses);
      await devices.writeAll(step.value.devices);
      await payments.writeAll(step.value.payments);
      await refunds.writeAll(step.value.refunds);
      await contacts.writeAll(step.value.contacts);
      written += step.value.accounts.length;
      options.onProgress?.({ accounts: written, total: resolved.accounts });
    }
    const truth = step.value;
    const truthRings = sink("truth/rings.csv", "rings");
    await truthRings.writeAll(truth.rings);
    const truthInsiders = sink("truth/insiders.csv", "insiders");
    await truthInsiders.writeAll(truth.insiders);
    const truthPatterns = sink("truth/patterns.csv", "patterns");
    await truthPatterns.writeAll(truth.patterns);
    rows["accounts.csv"] = await accounts.close();
    rows["addresses.csv"] = await addresses.close();
    rows["devices.csv"] = await devices.close();
    rows["payments.csv"] = await payments.close();
    rows["refunds.csv"] = await refunds.close();
    rows["contacts.csv"] = await contacts.close();
    rows["truth/rings.csv"] = await truthRings.close();
    rows["truth/insiders.csv"] = await truthInsiders.close();
    rows["truth/patterns.csv"] = await truthPatterns.close();
    return {
      options: resolved,
      rows: rows as Record<DemoFile, number>,
      rings: demo.rings,
      serviceRings: demo.serviceRings,
      ringAccounts: demo.ringAccounts,
      ringsWithInsiders: new Set(truth.insiders.map((row) => row.ring_id)).size,
      insiders: new Set(truth.insiders.map((row) => row.employee_id)).size,
    };
  } catch (error) {
    for (const file of open) file.destroy();
    throw error;
  }
}
