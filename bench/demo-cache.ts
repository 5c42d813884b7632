/**
 * Demo data for a scale, written once with ringlens' own generator and kept in the cache
 * folder: same options and same generator source give byte-identical files, so a folder is
 * reused when its key (scale, seed, a hash of server/demo/) matches.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeDemo } from "../server/demo/write-demo.ts";
import type { DemoSummary } from "../server/demo/demo-options.ts";
import type { Progress } from "./progress.ts";

const DEMO_SOURCE = path.resolve(import.meta.dirname, "../server/demo");

export interface DemoData {
  folder: string;
  summary: DemoSummary;
  /** Data rows in the import files (truth files not counted). */
  rows: number;
  reused: boolean;
}

export interface DemoRequest {
  name: string;
  accounts: number;
  rings: number;
  seed: number;
}

/** @example const demo = await ensureDemo("bench/results/cache", { name: "S", accounts: 20000, rings: 30, seed: 1 }, progress); */
export async function ensureDemo(cache: string, request: DemoRequest, progress: Progress): Promise<DemoData> {
  const folder = path.join(cache, `demo-${request.name}-${request.accounts}-${request.rings}-seed${request.seed}-${generatorHash()}`);
  const marker = path.join(folder, "bench-summary.json");
  if (fs.existsSync(marker)) {
    const summary = JSON.parse(fs.readFileSync(marker, "utf8")) as DemoSummary;
    return { folder, summary, rows: importRows(summary), reused: true };
  }
  fs.rmSync(folder, { recursive: true, force: true });
  const started = performance.now();
  const summary = await writeDemo({
    out: folder,
    accounts: request.accounts,
    rings: request.rings,
    seed: request.seed,
    onProgress: ({ accounts, total }) =>
      progress.update(`demo: ${accounts.toLocaleString("en")} of ${total.toLocaleString("en")} accounts`),
  });
  fs.writeFileSync(marker, JSON.stringify(summary));
  progress.say(
    `demo data: ${request.accounts.toLocaleString("en")} accounts, ${summary.rings} rings written in ${((performance.now() - started) / 1000).toFixed(1)} s (${folder})`,
  );
  return { folder, summary, rows: importRows(summary), reused: false };
}

function importRows(summary: DemoSummary): number {
  return Object.entries(summary.rows)
    .filter(([file]) => !file.startsWith("truth/"))
    .reduce((sum, [, n]) => sum + n, 0);
}

function generatorHash(): string {
  const hash = createHash("sha1");
  for (const file of fs.readdirSync(DEMO_SOURCE).sort()) hash.update(file).update(fs.readFileSync(path.join(DEMO_SOURCE, file)));
  return hash.digest("hex").slice(0, 8);
}
