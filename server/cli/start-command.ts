/**
 * `ringlens start` (what `npm start` runs): demo data → load → analyze → serve, skipping the
 * steps whose result is already there, so a second start is quick. `--fresh` redoes them.
 */
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import { createStore } from "../store/create-store.ts";
import { EMPTY_MAPPING } from "../ingest/mapping.ts";
import { runDemo } from "./demo-command.ts";
import { readMeta } from "../store/meta.ts";
import { defaultRejectFile } from "../tasks/run-import.ts";
import { formatReport, loadInto } from "./load-command.ts";
import { analyzeWithProgress, formatAnalysis } from "./analyze-command.ts";
import { runServe } from "./serve-command.ts";

export interface StartFlags {
  demoDir: string;
  accounts?: string;
  seed?: string;
  fresh?: boolean;
}

export async function runStart(flags: StartFlags, config: Config, out: NodeJS.WritableStream): Promise<number> {
  const demoDir = path.resolve(flags.demoDir);
  if (flags.fresh || !fs.existsSync(path.join(demoDir, "accounts.csv"))) {
    out.write(`1/4 writing demo data to ${demoDir}\n`);
    await runDemo({ out: demoDir, accounts: flags.accounts, seed: flags.seed }, out);
  } else {
    out.write(`1/4 demo data already in ${demoDir} (--fresh to rewrite it)\n`);
  }
  const store = await createStore(config, { command: "start" });
  try {
    const lastImport = await readMeta(store, "lastImport");
    const reload = flags.fresh || lastImport?.folder !== demoDir;
    if (reload) {
      out.write(`2/4 loading ${demoDir} into ${store.info.location}\n`);
      out.write(`${formatReport(await loadInto(store, demoDir, EMPTY_MAPPING, defaultRejectFile(config), true))}\n`);
    } else {
      out.write(`2/4 ${demoDir} is already loaded\n`);
    }
    if (reload || !(await readMeta(store, "lastAnalysis"))) {
      out.write("3/4 analysing\n");
      out.write(`${formatAnalysis(await analyzeWithProgress(store, {}, config), 10)}\n`);
    } else {
      out.write("3/4 analysis is up to date\n");
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  out.write("4/4 serving\n");
  return runServe(config, out, store);
}
