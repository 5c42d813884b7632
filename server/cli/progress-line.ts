/**
 * Progress for long work: a single rewritten line on a terminal, plain lines (at most every
 * few seconds) when output is a file or a pipe, so logs stay readable.
 */
export interface ProgressLine {
  update(text: string): void;
  done(text?: string): void;
}

export function createProgressLine(stream: NodeJS.WriteStream = process.stderr, intervalMs = 3_000): ProgressLine {
  let last = 0;
  let shown = false;
  if (stream.isTTY) {
    return {
      update(text) {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        shown = true;
        stream.write(`\r\x1b[2K${text.slice(0, (stream.columns ?? 100) - 1)}`);
      },
      done(text) {
        if (shown) stream.write("\r\x1b[2K");
        if (text) stream.write(`${text}\n`);
      },
    };
  }
  return {
    update(text) {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      stream.write(`${text}\n`);
    },
    done(text) {
      if (text) stream.write(`${text}\n`);
    },
  };
}
