/**
 * What the bench says while it works, on stderr (stdout carries only the table): a line per
 * finished step, and for long steps the latest word from the step rewritten in place on a
 * terminal (every few seconds otherwise), using ringlens' own progress line.
 */
import { createProgressLine } from "../server/cli/progress-line.ts";

export interface Progress {
  /** A step finished (or a note worth a line of its own). */
  say(text: string): void;
  /** Transient status of the running step. */
  update(text: string): void;
}

export function createProgress(prefix: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const line = createProgressLine(stream, 5_000);
  const started = performance.now();
  const clock = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
  return {
    say(text) {
      line.done(`${prefix} ${clock()}  ${text}`);
    },
    update(text) {
      line.update(`${prefix} ${clock()}  ${text}`);
    },
  };
}

/**
 * Runs a long step with its elapsed time shown every second as `label… 12 s`.
 *
 * @example const r = await ticking(progress, "load 1/3: ringlens load", () => runChild(CLI, args));
 */
export async function ticking<T>(progress: Progress, label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  progress.update(`${label}…`);
  const timer = setInterval(() => progress.update(`${label}… ${((performance.now() - started) / 1000).toFixed(0)} s`), 1_000);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}
