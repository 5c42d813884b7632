/**
 * Answers of the read model, kept until the data changes. What the store holds changes only
 * with an import or an analysis, and both leave their mark in the store's meta record
 * (lastImport, lastAnalysis), so the data version is those two values, read at most every
 * `checkEveryMs` (one small query however many requests arrive) and at once after a write
 * this process made. Requests for an answer being computed wait for it (one computation,
 * however many ask at once; a failure reaches each of them). A write by another process (a CLI load against Neo4j) shows within
 * `checkEveryMs`. Ring answers are kept as their JSON text, so a hit costs no query and no
 * serialisation.
 */
import type { GraphStore } from "../store/graph-store.ts";

export interface ReadCacheOptions {
  /** How long a read data version holds (default 500 ms): a write by another process shows within it. */
  checkEveryMs?: number;
  /** Most characters of answers kept (their JSON length); the least recently used go first. An answer over an eighth of it is not kept. */
  maxChars?: number;
  /** The clock the interval is measured on; a test passes its own so no real time needs to pass. */
  now?: () => number;
}

export class ReadCache {
  private readonly entries = new Map<string, { value: unknown; chars: number }>();
  /** Answers being computed: a request for one of them waits for it instead of computing it again. */
  private readonly computing = new Map<string, Promise<unknown>>();
  private chars = 0;
  private version: string | null = null;
  private checkedAt = -Infinity;
  private checking: Promise<string> | null = null;
  private readonly checkEveryMs: number;
  private readonly maxChars: number;
  private readonly now: () => number;

  // Only the meta record is read: the version is all the cache needs from the store.
  constructor(
    private readonly store: Pick<GraphStore, "getMeta">,
    options: ReadCacheOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 500;
    this.maxChars = options.maxChars ?? 128 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  /** The JSON text of `compute()`'s answer for `key` at the current data version. */
  async json(key: string, compute: () => Promise<unknown>): Promise<string> {
    return (
      await this.value(
        `json ${key}`,
        async () => JSON.stringify(await compute()),
        (text) => text.length,
      )
    ).value;
  }

  /**
   * `compute()`'s answer for `key` at the current data version, and whether it was kept from
   * before. `size` gives an answer's size in characters (its JSON length, or Infinity: never kept).
   */
  async value<T>(key: string, compute: () => Promise<T>, size: (value: T) => number): Promise<{ value: T; cached: boolean }> {
    const version = await this.currentVersion();
    const full = `${version}\u0000${key}`;
    const hit = this.entries.get(full);
    if (hit !== undefined) {
      // Refresh its place: the most used answers stay.
      this.entries.delete(full);
      this.entries.set(full, hit);
      return { value: hit.value as T, cached: true };
    }
    // Fifty requests for one cold answer (a saved query over every device, a search) would
    // otherwise run fifty times at once, each as slow as the first, and the server with them.
    const running = this.computing.get(full);
    if (running !== undefined) return { value: (await running) as T, cached: false };
    const computed = compute();
    this.computing.set(full, computed);
    let value: T;
    try {
      value = await computed;
    } finally {
      this.computing.delete(full);
    }
    const chars = version === this.version ? size(value) : Infinity;
    if (chars <= this.maxChars / 8) {
      // An answer kept under this key before (a computation begun before a failure) is replaced, not added.
      this.chars -= this.entries.get(full)?.chars ?? 0;
      this.entries.set(full, { value, chars });
      this.chars += chars;
      for (const [oldest, entry] of this.entries) {
        if (this.chars <= this.maxChars) break;
        this.entries.delete(oldest);
        this.chars -= entry.chars;
      }
    }
    return { value, cached: false };
  }

  /** This process wrote to the store: read the version again before the next answer. */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  private async currentVersion(): Promise<string> {
    if (this.version !== null && this.now() - this.checkedAt < this.checkEveryMs) return this.version;
    this.checking ??= (async () => {
      try {
        const [imported, analysed] = await Promise.all([this.store.getMeta("lastImport"), this.store.getMeta("lastAnalysis")]);
        const version = `${imported ?? ""}\u0001${analysed ?? ""}`;
        if (version !== this.version) {
          this.entries.clear();
          this.chars = 0;
        }
        this.version = version;
        this.checkedAt = this.now();
        return version;
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }
}
