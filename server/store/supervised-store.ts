/**
 * A GraphStore that recovers without a restart. It forwards every call to the open store; when
 * a call fails as unavailable and the store no longer answers a ping, it closes that store and
 * reopens it in the background with back-off. Until then calls fail fast with a message that
 * says ringlens is reconnecting, so the API answers 503 and stays up. A store that answers the
 * ping keeps serving: one failed statement is not a store that went away.
 */
import { RinglensError, messageOf } from "../errors.ts";
import type { AnalysisInput, AnalysisResult } from "../domain/analysis-types.ts";
import type { GraphStore, InStoreGraph, QueryOptions, QueryRows, StoreInfo, UpsertBatch, UpsertKind } from "./graph-store.ts";
import type { CypherText, Dialect } from "../cypher/cypher-files.ts";
import type { BuiltIndex, PrefixIndex } from "../read-model/search-fields.ts";
import { backoffDelays, sleep, type BackoffOptions } from "./retry.ts";

export type SupervisorEvent =
  | { type: "lost"; error: string }
  | { type: "retry"; attempt: number; delayMs: number; error: string }
  | { type: "recovered"; attempts: number; store: GraphStore };

export interface SupervisorOptions extends BackoffOptions {
  onEvent?: (event: SupervisorEvent) => void;
  /** How long closing the lost store may take before reopening anyway (default 5 s). */
  closeTimeoutMs?: number;
}

export class SupervisedStore implements GraphStore {
  private recovering: { attempt: number; error: string } | null = null;
  private closed = false;
  private recovery: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(
    private current: GraphStore,
    private readonly reopen: () => Promise<GraphStore>,
    private readonly options: SupervisorOptions = {},
  ) {}

  get info(): StoreInfo {
    return this.current.info;
  }

  get dialect(): Dialect {
    return this.current.dialect;
  }

  /** The store calls go to now (tests inject faults into it). */
  get inner(): GraphStore {
    return this.current;
  }

  /** Settles when no recovery is under way (for an orderly close and for tests). */
  whenSettled(): Promise<void> {
    return this.recovery;
  }

  ensureSchema(): Promise<void> {
    return this.call((s) => s.ensureSchema());
  }
  upsert<K extends UpsertKind>(kind: K, rows: UpsertBatch[K]): Promise<void> {
    return this.call((s) => s.upsert(kind, rows));
  }
  readAnalysisInput(): Promise<AnalysisInput> {
    return this.call((s) => s.readAnalysisInput());
  }
  writeAnalysis(result: AnalysisResult): Promise<void> {
    return this.call((s) => s.writeAnalysis(result));
  }
  inStoreGraph(): Promise<InStoreGraph> {
    return this.call((s) => s.inStoreGraph());
  }
  query(cypher: CypherText, params: Record<string, unknown>, options: QueryOptions): Promise<QueryRows> {
    return this.call((s) => s.query(cypher, params, options));
  }
  write(cypher: CypherText, params: Record<string, unknown>): Promise<QueryRows> {
    return this.call((s) => s.write(cypher, params));
  }
  counts(): Promise<Record<string, number>> {
    return this.call((s) => s.counts());
  }
  prefixIndex(): Promise<PrefixIndex | null> {
    return this.call((s) => s.prefixIndex());
  }
  buildPrefixIndex(): Promise<BuiltIndex | null> {
    return this.call((s) => s.buildPrefixIndex());
  }
  getMeta(key: string): Promise<string | null> {
    return this.call((s) => s.getMeta(key));
  }
  setMeta(key: string, value: string): Promise<void> {
    return this.call((s) => s.setMeta(key, value));
  }

  async ping(): Promise<boolean> {
    if (this.closed || this.recovering) return false;
    const store = this.current;
    const ok = await store.ping();
    if (!ok) this.lose(store, `the ${store.info.engine} store at ${store.info.location} does not answer`);
    return ok;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopping.abort();
    await this.recovery;
    await this.current.close();
  }

  private async call<T>(fn: (store: GraphStore) => Promise<T>): Promise<T> {
    if (this.closed) throw new RinglensError("unavailable", "store: the store is closed");
    if (this.recovering) throw this.reconnectingError();
    const store = this.current;
    try {
      return await fn(store);
    } catch (error) {
      if (
        error instanceof RinglensError &&
        error.kind === "unavailable" &&
        store === this.current &&
        !this.recovering &&
        !(await store.ping())
      ) {
        this.lose(store, messageOf(error));
      }
      throw error;
    }
  }

  private reconnectingError(): RinglensError {
    const { attempt, error } = this.recovering!;
    const engine = this.current.info.engine;
    return new RinglensError(
      "unavailable",
      `the ${engine} store is not answering (${error}); ringlens is reconnecting${attempt > 0 ? ` (attempt ${attempt})` : ""}, try again shortly`,
    );
  }

  /** Starts one background recovery for `lost`, unless one is already running or the store was replaced. */
  private lose(lost: GraphStore, error: string): void {
    if (this.closed || this.recovering || lost !== this.current) return;
    this.recovering = { attempt: 0, error };
    this.options.onEvent?.({ type: "lost", error });
    this.recovery = this.recover(lost);
  }

  private async recover(lost: GraphStore): Promise<void> {
    const closing = new AbortController();
    await Promise.race([lost.close().catch(() => undefined), sleep(this.options.closeTimeoutMs ?? 5_000, closing.signal)]);
    closing.abort();
    const delays = backoffDelays({ firstDelayMs: this.options.firstDelayMs ?? 250, maxDelayMs: this.options.maxDelayMs ?? 10_000 });
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        const store = await this.reopen();
        if (this.closed) {
          await store.close();
          return;
        }
        this.current = store;
        this.recovering = null;
        this.options.onEvent?.({ type: "recovered", attempts: attempt, store });
        return;
      } catch (error) {
        const delayMs = delays.next().value;
        this.recovering = { attempt, error: messageOf(error) };
        this.options.onEvent?.({ type: "retry", attempt, delayMs, error: messageOf(error) });
        await sleep(delayMs, this.stopping.signal);
      }
    }
  }
}
