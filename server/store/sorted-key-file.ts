/**
 * A file of `key<TAB>rest` lines sorted by the bytes of key (as the engine's ORDER BY sorts
 * strings), searched by prefix without reading it whole: a binary search over byte
 * offsets finds the first line whose key is at or after the prefix (about 30 reads of a few
 * hundred bytes for 300 MB), then lines are read on while their key starts with it. No line
 * holds a line break or double quote, and no key a tab (the index keeps those values aside).
 */
import fs from "node:fs";

const PROBE = 512;
const RUN = 64 * 1024;
const NEWLINE = 0x0a;
const TAB = 0x09;

export class SortedKeyFile {
  private constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  static open(file: string): SortedKeyFile {
    const fd = fs.openSync(file, "r");
    return new SortedKeyFile(fd, fs.fstatSync(fd).size);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  /**
   * What follows the key on each line whose key starts with `prefix`, in file order, or null
   * when more than `most` lines do (the caller then asks the engine instead of reading the bulk).
   */
  restWithPrefix(prefix: string, most: number): string[] | null {
    const wanted = Buffer.from(prefix, "utf8");
    let at = this.firstLineAtOrAfter(wanted);
    const found: string[] = [];
    let carry: Buffer = Buffer.alloc(0);
    for (;;) {
      const chunk = at < this.size ? this.read(at, RUN) : Buffer.alloc(0);
      at += chunk.length;
      const last = at >= this.size;
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      while (start < bytes.length) {
        let end = bytes.indexOf(NEWLINE, start);
        if (end === -1) {
          if (!last) break;
          end = bytes.length;
        }
        const tab = bytes.indexOf(TAB, start);
        const keyEnd = tab === -1 || tab > end ? end : tab;
        if (!startsWith(bytes, start, keyEnd, wanted)) return found;
        if (found.length === most) return null;
        found.push(bytes.toString("utf8", Math.min(keyEnd + 1, end), end));
        start = end + 1;
      }
      if (last) return found;
      carry = bytes.subarray(start);
    }
  }

  /** Offset of the first line whose key (the bytes before its tab) sorts at or after `wanted`. */
  private firstLineAtOrAfter(wanted: Buffer): number {
    // Invariant: every line starting before lo sorts before wanted; the line starting at or after hi does not.
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      const line = this.lineFrom(mid);
      if (line === null || compareKey(line.bytes, wanted) >= 0) hi = mid;
      else lo = line.start + line.bytes.length + 1;
    }
    return this.lineFrom(lo)?.start ?? this.size;
  }

  /** The first whole line starting at or after `offset` (only its key part is needed), or null past the end. */
  private lineFrom(offset: number): { start: number; bytes: Buffer } | null {
    let start = offset;
    if (start > 0) {
      // A line starts at 0 or just after a newline: skip to the one after offset − 1.
      let at = start - 1;
      for (;;) {
        if (at >= this.size) return null;
        const bytes = this.read(at, PROBE);
        const nl = bytes.indexOf(NEWLINE);
        if (nl !== -1) {
          start = at + nl + 1;
          break;
        }
        at += bytes.length;
      }
    }
    if (start >= this.size) return null;
    let bytes = this.read(start, PROBE);
    while (bytes.indexOf(NEWLINE) === -1 && start + bytes.length < this.size) {
      bytes = Buffer.concat([bytes, this.read(start + bytes.length, PROBE)]);
    }
    const nl = bytes.indexOf(NEWLINE);
    return { start, bytes: nl === -1 ? bytes : bytes.subarray(0, nl) };
  }

  private read(offset: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(Math.min(length, this.size - offset));
    const n = fs.readSync(this.fd, buffer, 0, buffer.length, offset);
    return buffer.subarray(0, n);
  }
}

/** The line's key (up to its tab) against `wanted`, by bytes. */
function compareKey(line: Buffer, wanted: Buffer): number {
  const tab = line.indexOf(TAB);
  return Buffer.compare(tab === -1 ? line : line.subarray(0, tab), wanted);
}

function startsWith(bytes: Buffer, start: number, end: number, wanted: Buffer): boolean {
  if (end - start < wanted.length) return false;
  return bytes.compare(wanted, 0, wanted.length, start, start + wanted.length) === 0;
}
