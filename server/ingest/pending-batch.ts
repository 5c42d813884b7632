/**
 * The graph rows of one file waiting to be written, keyed so a later row of the same key
 * replaces an earlier one, and written through the store's bulk path in UPSERT_ORDER when the
 * batch is full or the file ends. Announces `import:<kind>:wrote-<UpsertKind>` after each write.
 * A full batch is written while the next one is staged (the engine's statements run on its own
 * threads, so both cores work), across files too: the import's writes form one WriteChain, in
 * order and one at a time, so a batch's existence lookup sees every earlier batch.
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

/** The import's writes, run one after another in the order they were asked for while staging goes on. */
export class WriteChain {
  private tail: Promise<void> = Promise.resolve();

  /** Queues `step` after every write asked for so far; resolves when the writes before it are done (so at most one runs while the next batch is staged). */
  async write(step: () => Promise<void>): Promise<void> {
    const before = this.tail;
    this.after(step);
    await before;
  }

  /** Queues `step` after every write asked for so far, without waiting. */
  after(step: () => Promise<void>): void {
    this.tail = this.tail.then(step);
    // Seen by the next write() or by done(); marked handled so a failure is not an unhandled rejection meanwhile.
    this.tail.catch(() => undefined);
  }

  /** Resolves when every queued write is in the store; rejects with the first that failed. */
  async done(): Promise<void> {
    await this.tail;
  }
}

export class PendingBatch {
  /** Replaced, not cleared, on each write: stagers must read it afresh for every record. */
  rows: PendingRows = emptyRows();
  private records = 0;
  private chars = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly kind: FileKind,
    private readonly limits: BatchLimits,
    private readonly writes: WriteChain,
  ) {}

  /** Counts one staged record of `chars` input characters; true when the batch should be written. */
  add(chars: number): boolean {
    this.chars += chars;
    return ++this.records >= this.limits.rows || this.chars >= this.limits.chars;
  }

  /** Queues the pending rows' write and starts an empty batch; resolves once the writes before it are done. */
  async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = emptyRows();
    this.records = 0;
    this.chars = 0;
    await this.writes.write(() => this.write(rows));
  }

  /** Writes every kind that has rows, relationship ends first. */
  private async write(rows: PendingRows): Promise<void> {
    for (const k of UPSERT_ORDER) {
      const list = [...rows[k].values()];
      // Let go of each kind once it is out: a batch is staged meanwhile, and the heap holds both.
      rows[k].clear();
      if (list.length > 0) {
        await this.store.upsert(k, list as never);
        await checkpoint(`import:${this.kind}:wrote-${k}`);
      }
    }
  }
}
