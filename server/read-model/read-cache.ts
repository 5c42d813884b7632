/**
 * Answers of the read model, kept until the data changes. What the store holds changes only
 * with an import or an analysis, and both leave their mark in the store's meta record
 * (lastImport, lastAnalysis), so the data version is those two values, read at most every
 * `checkEveryMs` (one small query however many requests arrive) and at once after a write
 * this process made. A write by another process (a CLI load against Neo4j) shows within
 * `checkEveryMs`. Ring answers are kept as their JSON text, so a hit costs no query and no
 * serialisation.
 */
import type { GraphStore } from "../store/graph-store.ts";

export interface ReadCacheOptions {
  checkEveryMs?: number;
  /** Most answers kept; the oldest go first. */
  maxEntries?: number;
}

export class ReadCache {
  private readonly entries = new Map<string, unknown>();
  private version: string | null = null;
  private checkedAt = 0;
  private checking: Promise<string> | null = null;
  private readonly checkEveryMs: number;
  private readonly maxEntries: number;

  constructor(private readonly store: GraphStore, options: ReadCacheOptions = {}) {
    this.checkEveryMs = options.checkEveryMs ?? 500;
    this.maxEntries = options.maxEntries ?? 2_000;
  }

  /** The JSON text of `compute()`'s answer for `key` at the current data version. */
  async json(key: string, compute: () => Promise<unknown>): Promise<string> {
    return (await this.value(`json ${key}`, async () => JSON.stringify(await compute()))).value;
  }

  /**
   * `compute()`'s answer for `key` at the current data version, and whether it was kept from
   * before. `keep` may refuse to keep an answer (one too large to hold).
   */
  async value<T>(key: string, compute: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<{ value: T; cached: boolean }> {
    const version = await this.currentVersion();
    const full = `${version}\u0000${key}`;
    if (this.entries.has(full)) {
      const hit = this.entries.get(full) as T;
      // Refresh its place: the most used answers stay.
      this.entries.delete(full);
      this.entries.set(full, hit);
      return { value: hit, cached: true };
    }
    const value = await compute();
    if (version === this.version && keep(value)) {
      this.entries.set(full, value);
      while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return { value, cached: false };
  }

  /** This process wrote to the store: read the version again before the next answer. */
  invalidate(): void {
    this.checkedAt = 0;
  }

  private async currentVersion(): Promise<string> {
    if (this.version !== null && Date.now() - this.checkedAt < this.checkEveryMs) return this.version;
    this.checking ??= (async () => {
      try {
        const [imported, analysed] = await Promise.all([this.store.getMeta("lastImport"), this.store.getMeta("lastAnalysis")]);
        const version = `${imported ?? ""}\u0001${analysed ?? ""}`;
        if (version !== this.version) this.entries.clear();
        this.version = version;
        this.checkedAt = Date.now();
        return version;
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }
}
