/**
 * Answers of the read model, kept until the data changes. What the store holds changes only
 * with an import or an analysis, and both leave their mark in the store's meta record
 * (lastImport, lastAnalysis), so the data version is those two values, read at most every
 * `checkEveryMs` (one small query however many requests arrive) and at once after a write
 * this process made. A write by another process (a CLI load against Neo4j) shows within
 * `checkEveryMs`. Answers are kept as their JSON text, so a hit costs no query and no
 * serialisation.
 */
import type { GraphStore } from "../store/graph-store.ts";

export interface ReadCacheOptions {
  checkEveryMs?: number;
  /** Most answers kept; the oldest go first. */
  maxEntries?: number;
}

export class ReadCache {
  private readonly entries = new Map<string, string>();
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
    const version = await this.currentVersion();
    const full = `${version}\u0000${key}`;
    const hit = this.entries.get(full);
    if (hit !== undefined) {
      // Refresh its place: the most used answers stay.
      this.entries.delete(full);
      this.entries.set(full, hit);
      return hit;
    }
    const text = JSON.stringify(await compute());
    if (version === this.version) {
      this.entries.set(full, text);
      while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return text;
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
