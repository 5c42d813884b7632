/**
 * Reads a text file's lines in large chunks: each step yields every whole line of the next few
 * megabytes, so a caller works through them synchronously. readline hands out one line per
 * promise, which at millions of lines cost more than the checks done on them. Line breaks are
 * readline's: `\n`, `\r\n` or a lone `\r`; bytes that are not UTF-8 become U+FFFD, as there.
 */
import fs from "node:fs";
import { StringDecoder } from "node:string_decoder";

const CHUNK_BYTES = 1 << 22;
const BREAKS = /\r\n|\n|\r/;

/** @example for await (const lines of readLineChunks("refunds.csv")) for (const line of lines) … */
export async function* readLineChunks(file: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<string[]> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const bytes of fs.createReadStream(file, { highWaterMark: chunkBytes })) {
    const text = rest + decoder.write(bytes as Buffer);
    // A chunk ending in `\r` may be the first half of `\r\n`: keep it for the next chunk.
    const end = text.endsWith("\r") ? text.length - 1 : text.length;
    // (lastIndexOf clamps a negative start to 0, which would find a `\r` held back above.)
    const last = end === 0 ? -1 : Math.max(text.lastIndexOf("\n", end - 1), text.lastIndexOf("\r", end - 1));
    if (last === -1) {
      rest = text;
      continue;
    }
    rest = text.slice(last + 1);
    const crlf = text[last] === "\n" && text[last - 1] === "\r";
    yield splitLines(text.slice(0, crlf ? last - 1 : last));
  }
  const tail = rest + decoder.end();
  if (tail !== "") yield splitLines(tail.endsWith("\r") ? tail.slice(0, -1) : tail);
}

function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(BREAKS) : text.split("\n");
}
