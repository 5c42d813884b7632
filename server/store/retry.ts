/**
 * Back-off for a store that does not answer: at start-up (`serve` waits for a Neo4j that is
 * still starting, or for a `ringlens load` that holds the embedded store) and while serving
 * (the supervisor reopens a store that went away). Only errors that may pass are retried:
 * an unreachable server or a held lock, not a wrong password or an unknown database.
 */
import { RinglensError, isRinglensError, messageOf } from "../errors.ts";

export interface BackoffOptions {
  /** First pause (default 500 ms); each next one doubles, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/** The pauses between attempts: 0.5 s, 1 s, 2 s, … capped (default 15 s). */
export function* backoffDelays(options: BackoffOptions = {}): Generator<number, never> {
  const max = options.maxDelayMs ?? 15_000;
  let delay = options.firstDelayMs ?? 500;
  for (;;) {
    yield Math.min(delay, max);
    delay = Math.min(delay * 2, max);
  }
}

/** True for failures that may pass by waiting: the store does not answer, or another process holds it. */
export function mayPass(error: unknown): boolean {
  return isRinglensError(error) && (error.kind === "unavailable" || error.kind === "conflict");
}

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface OpenWithRetryOptions extends BackoffOptions {
  /** How long to keep trying in all; 0 tries once. */
  waitMs: number;
  onRetry?: (event: RetryEvent) => void;
  /** The clock and the pause between attempts; a test passes its own so no real time needs to pass. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Calls `open` until it succeeds, an error that will not pass is thrown, or `waitMs` has gone;
 * the last error is then thrown with how long ringlens waited.
 */
export async function openWithRetry<T>(open: () => Promise<T>, options: OpenWithRetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const pause = options.sleep ?? sleep;
  const started = now();
  const delays = backoffDelays(options);
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      const left = options.waitMs - (now() - started);
      if (!mayPass(error) || left <= 0) {
        if (attempt === 1 || !isRinglensError(error)) throw error;
        throw new RinglensError(
          error.kind,
          `${error.message} (tried ${attempt} times over ${Math.round((now() - started) / 1000)} s; to wait longer, set --store-wait or RINGLENS_STORE_WAIT_S)`,
          error.details,
        );
      }
      const delayMs = Math.min(delays.next().value, left);
      options.onRetry?.({ attempt, delayMs, error });
      await pause(delayMs);
    }
  }
}

/** A pause that ends early when `signal` aborts (a store being closed does not wait out a back-off). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

export function describeRetry(event: RetryEvent): string {
  return `store not available (${messageOf(event.error)}); retrying in ${(event.delayMs / 1000).toFixed(1)} s (attempt ${event.attempt})`;
}
