/**
 * Fuzzed imports: random and mutated CSV/JSONL (broken quoting, wrong field counts, binary and
 * Latin-1 bytes, mixed line endings, 1 MB lines, huge numbers, impossible dates) into the real
 * embedded store. Invariants: the import never throws, and every non-blank line after the header
 * belongs to exactly one record that was loaded, rejected or dropped as a duplicate.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFolder, type RecordOutcome } from "../../server/ingest/import-folder.ts";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const cell = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 .,'@-]{0,12}$/),
  fc.constantFrom(
    "2023-02-30",
    "2023-06-01",
    "2023-06-01T14:05:00Z",
    "12,50",
    "-3",
    "1e309",
    "9".repeat(400),
    "yes",
    "maybe",
    "",
    "=cmd()",
    "<b>x</b>",
  ),
);
const account = fc.tuple(fc.stringMatching(/^A[0-9]{1,3}$/), fc.constantFrom("US", "GB", "gr", ""), cell, cell);
const refund = fc.tuple(fc.stringMatching(/^R[0-9]{1,3}$/), fc.stringMatching(/^A[0-9]{1,3}$/), cell, cell, cell);

type Mutation = { line: number; kind: "quote" | "drop" | "extra" | "binary" | "latin1" | "long" | "cr" | "blank" };
const mutation = fc.record({
  line: fc.nat(40),
  kind: fc.constantFrom("quote", "drop", "extra", "binary", "latin1", "long", "cr", "blank"),
}) as fc.Arbitrary<Mutation>;

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Renders rows as CSV lines (as bytes), then applies the mutations line by line. */
function render(header: string[], rows: string[][], mutations: Mutation[]): Buffer {
  const lines: Buffer[] = [header.join(","), ...rows.map((r) => r.map(quote).join(","))].map((l) => Buffer.from(l));
  for (const m of mutations) {
    const i = 1 + (m.line % Math.max(lines.length - 1, 1));
    if (i >= lines.length) continue;
    const text = lines[i]!.toString();
    const at = Math.floor(text.length / 2);
    switch (m.kind) {
      case "quote":
        lines[i] = Buffer.from(`${text.slice(0, at)}"${text.slice(at)}`);
        break;
      case "drop":
        lines[i] = Buffer.from(text.split(",").slice(1).join(","));
        break;
      case "extra":
        lines[i] = Buffer.from(`${text},surplus`);
        break;
      case "binary":
        lines[i] = Buffer.concat([lines[i]!, Buffer.from([0x00, 0x01, 0xff, 0xfe])]);
        break;
      case "latin1":
        lines[i] = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xe9, 0xe8]), Buffer.from(text.slice(at))]);
        break;
      case "long":
        lines[i] = Buffer.from(`${text}${"x".repeat(1_000_000)}`);
        break;
      case "cr":
        lines[i] = Buffer.concat([lines[i]!, Buffer.from("\r")]);
        break;
      case "blank":
        lines[i] = Buffer.from("");
        break;
    }
  }
  const out: Buffer[] = [];
  lines.forEach((l, i) => {
    out.push(l, Buffer.from(i % 3 === 0 ? "\r\n" : "\n"));
  });
  return Buffer.concat(out);
}

/** Line numbers (1-based) of non-blank lines after the header, as a line reader sees them. */
function dataLines(bytes: Buffer): number[] {
  const text = bytes.toString("utf8");
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines
    .map((l, i) => ({ l, n: i + 1 }))
    .filter(({ l, n }) => n > 1 && l.trim() !== "")
    .map(({ n }) => n);
}

describe("import under fuzzed input", () => {
  const dir = tempDir();
  let store: EmbeddedStore;
  let runs = 0;
  beforeAll(async () => {
    store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    await store.ensureSchema();
  });
  afterAll(() => store.close());

  it("never crashes and accounts for every line (CSV)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(account, { minLength: 1, maxLength: 25 }),
        fc.array(refund, { maxLength: 25 }),
        fc.array(mutation, { maxLength: 6 }),
        async (accounts, refunds, mutations) => {
          const folder = path.join(dir, `csv-${runs++}`);
          fs.mkdirSync(folder);
          const files = {
            accounts: render(["account_id", "country", "created_at", "name"], accounts, mutations),
            refunds: render(["refund_id", "account_id", "amount", "requested_at", "returned"], refunds, mutations),
          };
          for (const [kind, bytes] of Object.entries(files)) fs.writeFileSync(path.join(folder, `${kind}.csv`), bytes);
          const outcomes: RecordOutcome[] = [];
          const report = await importFolder({
            folder,
            store,
            rejectFile: path.join(folder, "rejects.csv"),
            onRecord: (o) => outcomes.push(o),
          });
          for (const [kind, bytes] of Object.entries(files)) {
            const f = report.files.find((x) => x.kind === kind)!;
            expect(f.read).toBe(f.loaded + f.rejected + f.duplicates);
            const covered: number[] = [];
            for (const o of outcomes.filter((x) => x.kind === kind)) for (let n = o.firstLine; n <= o.lastLine; n++) covered.push(n);
            const expected = dataLines(bytes);
            // Lines inside a multi-line record may be blank; every non-blank line is covered once.
            expect(covered.filter((n) => expected.includes(n)).sort((a, b) => a - b)).toEqual(expected);
            expect(new Set(covered).size).toBe(covered.length);
          }
          fs.rmSync(folder, { recursive: true, force: true });
        },
      ),
      { numRuns: 40, seed: 20261125 },
    );
  }, 240_000);

  it("never crashes and accounts for every line (JSON Lines)", async () => {
    const line = fc.oneof(
      fc
        .record({ account_id: fc.stringMatching(/^J[0-9]{1,3}$/), country: fc.constantFrom("US", "gb"), created_at: cell })
        .map((o) => JSON.stringify(o)),
      fc.string({ maxLength: 30 }),
      fc.constantFrom("[1,2]", "null", '{"account_id": 5}', '{"account_id": {"x": 1}}', "{broken"),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 30 }), async (lines) => {
        const folder = path.join(dir, `jsonl-${runs++}`);
        fs.mkdirSync(folder);
        const text = lines.map((l) => l.replace(/[\r\n]/g, " ")).join("\n");
        fs.writeFileSync(path.join(folder, "accounts.jsonl"), text);
        const report = await importFolder({ folder, store, rejectFile: path.join(folder, "rejects.csv") });
        const nonBlank = text.split("\n").filter((l) => l.trim() !== "").length;
        expect(report.files[0]!.read).toBe(nonBlank);
        expect(report.files[0]!.read).toBe(report.files[0]!.loaded + report.files[0]!.rejected + report.files[0]!.duplicates);
        fs.rmSync(folder, { recursive: true, force: true });
      }),
      { numRuns: 30, seed: 20261126 },
    );
  }, 240_000);
});
