/** `ringlens demo --out DIR`: writes demo CSVs with planted rings and their ground truth. */
import { writeDemo } from "../demo/write-demo.ts";
import { RinglensError } from "../errors.ts";
import { createProgressLine } from "./progress-line.ts";

export interface DemoFlags {
  out: string;
  accounts?: string;
  rings?: string;
  seed?: string;
  hard?: boolean;
}

const int = (name: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new RinglensError("invalid-input", `demo: ${name} must be a whole number, not "${v}"`);
  return n;
};

export async function runDemo(flags: DemoFlags, out: NodeJS.WritableStream): Promise<number> {
  const progress = createProgressLine();
  const summary = await writeDemo({
    out: flags.out,
    accounts: int("--accounts", flags.accounts),
    rings: int("--rings", flags.rings),
    seed: int("--seed", flags.seed),
    hard: flags.hard === true,
    onProgress: (p) => progress.update(`demo: ${p.accounts.toLocaleString("en")} of ${p.total.toLocaleString("en")} accounts`),
  });
  progress.done();
  out.write(
    `demo data written to ${flags.out}: ${Object.entries(summary.rows)
      .map(([f, n]) => `${f} ${n}`)
      .join(", ")}\n`,
  );
  out.write(
    `planted: ${summary.rings} rings and ${summary.serviceRings} refund-as-a-service rings (tied only by support contacts), ${summary.insiders} insiders (ground truth in ${flags.out}/truth)\n`,
  );
  return 0;
}
