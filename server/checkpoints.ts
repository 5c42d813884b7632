/**
 * Named points in long work (an import between files, an analysis before its ring swap), so a
 * test can stop a process at a known place instead of after a guessed delay. Off unless
 * RINGLENS_PAUSE_AT is set (config.pauseAt): then every point reached is announced on stderr
 * as `ringlens: checkpoint NAME`, and at a point it names the process announces
 * `ringlens: paused at NAME` and waits there for ever, for the test to kill it.
 */

let armed = false;
let pauseAt = new Set<string>();

/** Called once by the CLI with config.pauseAt. */
export function armCheckpoints(names: readonly string[]): void {
  armed = names.length > 0;
  pauseAt = new Set(names);
}

/** Marks a point of the work; resolves at once unless a test asked to pause here. */
export function checkpoint(name: string): Promise<void> {
  if (!armed) return Promise.resolve();
  process.stderr.write(`ringlens: checkpoint ${name}\n`);
  if (!pauseAt.has(name)) return Promise.resolve();
  process.stderr.write(`ringlens: paused at ${name}\n`);
  // The interval keeps the event loop alive: a bare pending promise would let the process exit.
  return new Promise(() => setInterval(() => undefined, 60_000));
}
