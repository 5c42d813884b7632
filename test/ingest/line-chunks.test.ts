import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLineChunks } from "../../server/csv/line-chunks.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/** The file decoded whole and split at readline's line breaks, no empty line after a final break. */
function wholeFileLines(file: string): string[] {
  const lines = fs
    .readFileSync(file)
    .toString("utf8")
    .split(/\r\n|\n|\r/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

async function readlineLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) lines.push(line);
  return lines;
}

async function chunkedLines(file: string, chunkBytes: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const chunk of readLineChunks(file, chunkBytes)) lines.push(...chunk);
  return lines;
}

describe("reading a file's lines in chunks", () => {
  const dir = tempDir();

  it("gives the whole file's lines for any text, line breaks and chunk size, bytes that are not UTF-8 included", async () => {
    const piece = fc.oneof(
      fc.constantFrom("\n", "\r\n", "\r", "é", "€", "😀", ",", '"', "\uFEFF"),
      fc.string({ maxLength: 6 }),
      fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => Buffer.from(b).toString("latin1")),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.boolean(), fc.integer({ min: 1, max: 9 }), async (pieces, latin, chunk) => {
        const file = path.join(dir, `t${run++}.txt`);
        // Latin-1 writes single bytes ≥ 0x80 (not UTF-8); UTF-8 writes the characters as they are.
        fs.writeFileSync(file, Buffer.from(pieces.join(""), latin ? "latin1" : "utf8"));
        expect(await chunkedLines(file, chunk)).toEqual(wholeFileLines(file));
      }),
      { numRuns: 400 },
    );
  });

  it("marks a last line that ends inside a UTF-8 sequence, whose bytes readline drops without a trace", async () => {
    const file = path.join(dir, "cut.csv");
    fs.writeFileSync(file, Buffer.concat([Buffer.from("id\nA1,caf"), Buffer.from([0xc3])]));
    expect(await readlineLines(file)).toEqual(["id", "A1,caf"]);
    expect(await chunkedLines(file, 3)).toEqual(["id", "A1,caf\ufffd"]);
  });

  it("yields many lines per step on a large file", async () => {
    const file = path.join(dir, "big.csv");
    fs.writeFileSync(file, Array.from({ length: 50_000 }, (_, i) => `R${i},x`).join("\n"));
    let steps = 0;
    let lines = 0;
    for await (const chunk of readLineChunks(file, 64 * 1024)) {
      steps++;
      lines += chunk.length;
    }
    expect(lines).toBe(50_000);
    expect(steps).toBeLessThan(50);
  });
});
