/**
 * Long work (imports, analyses) run one at a time in the serving process, which is the
 * store's only writer. Each job has an id, progress and a final report; a second job while
 * one runs is refused as a conflict rather than queued behind an unknown wait.
 */
import crypto from "node:crypto";
import { RinglensError, messageOf } from "../errors.ts";

export type JobStatus = "running" | "succeeded" | "failed";

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  progress: string | null;
  report: unknown;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export type JobTask = (progress: (text: string) => void) => Promise<unknown>;

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private current: Job | null = null;
  /** Per job, its end (success or failure): waiting for a job needs no polling. */
  private readonly ends = new Map<string, Promise<void>>();

  constructor(private readonly keep = 100) {}

  start(kind: string, task: JobTask): Job {
    if (this.current) {
      throw new RinglensError(
        "conflict",
        `a ${this.current.kind} job (${this.current.id}) is running; wait for it: GET /api/jobs/${this.current.id}`,
      );
    }
    const job: Job = {
      id: crypto.randomUUID(),
      kind,
      status: "running",
      progress: null,
      report: null,
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    this.current = job;
    this.prune();
    this.ends.set(
      job.id,
      task((text) => {
        job.progress = text;
      })
        .then((report) => {
          job.status = "succeeded";
          job.report = report;
        })
        .catch((error: unknown) => {
          job.status = "failed";
          job.error = messageOf(error);
        })
        .finally(() => {
          job.finishedAt = new Date().toISOString();
          this.current = null;
        }),
    );
    return job;
  }

  get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new RinglensError("not-found", `job ${id} does not exist (jobs are kept in memory until the server restarts)`);
    return job;
  }

  /** Resolves with the job once it has succeeded or failed (for tests and callers in this process). */
  async finished(id: string): Promise<Job> {
    const job = this.get(id);
    await this.ends.get(id);
    return job;
  }

  /** Resolves when no job runs (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.current) await this.ends.get(this.current.id);
  }

  private prune(): void {
    for (const id of this.jobs.keys()) {
      if (this.jobs.size <= this.keep) break;
      if (this.jobs.get(id) !== this.current) {
        this.jobs.delete(id);
        this.ends.delete(id);
      }
    }
  }
}
