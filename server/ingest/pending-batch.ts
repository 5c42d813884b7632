/**
 * The graph rows of one file waiting to be written, keyed so a later row of the same key
 * replaces an earlier one, and written through the store's bulk path in UPSERT_ORDER when the
 * batch is full or the file ends. Announces `import:<kind>:wrote-<UpsertKind>` after each write.
 */
import { checkpoint } from "../checkpoints.ts";
import type { GraphStore, UpsertBatch, UpsertKind } from "../store/graph-store.ts";
import { UPSERT_ORDER } from "../store/graph-store.ts";
import type { FileKind } from "./file-specs.ts";

/** Per upsert kind, the pending rows by their key. */
export type PendingRows = { [K in UpsertKind]: Map<string, UpsertBatch[K][number]> };

export interface BatchLimits {
  /** Records staged before a write. */
  rows: number;
  /** Characters of input staged before a write, so wide rows do not grow a batch without bound. */
  chars: number;
}

const emptyRows = (): PendingRows => Object.fromEntries(UPSERT_ORDER.map((k) => [k, new Map()])) as unknown as PendingRows;

export class PendingBatch {
  /** Replaced, not cleared, on each write: stagers must read it afresh for every record. */
  rows: PendingRows = emptyRows();
  private records = 0;
  private chars = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly kind: FileKind,
    private readonly limits: BatchLimits,
  ) {}

  /** Counts one staged record of `chars` input characters; true when the batch should be written. */
  add(chars: number): boolean {
    this.chars += chars;
    return ++this.records >= this.limits.rows || this.chars >= this.limits.chars;
  }

  /** Writes every pending kind that has rows, relationship ends first, and starts an empty batch. */
  async flush(): Promise<void> {
    for (const k of UPSERT_ORDER) {
      const rows = [...this.rows[k].values()];
      if (rows.length > 0) {
        await this.store.upsert(k, rows as never);
        await checkpoint(`import:${this.kind}:wrote-${k}`);
      }
    }
    this.rows = emptyRows();
    this.records = 0;
    this.chars = 0;
  }
}
