// Upload jobs: their state, the step they are at, and every progress event in order (numbered from 1), kept so
// that a progress channel opened late still receives the whole history. Finished jobs are forgotten after the
// retention time.
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { PublishProgress } from "../../../harness/packages/publish/publisher.ts";
import type { PackageRecord } from "./package-registry.ts";

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export const JOB_STEPS = ["extract", "validate", "publish", "commit"] as const;
export type JobStep = (typeof JOB_STEPS)[number];
export const FINAL_STATES: readonly JobState[] = ["succeeded", "failed", "cancelled"];

export interface JobError {
  code: string;
  message: string;
  [detail: string]: unknown;
}

export type JobEvent = { seq: number } & (
  | { type: "queued" }
  | { type: "step"; step: JobStep }
  | ({ type: "progress"; step: "publish" } & Omit<PublishProgress, "file">)
  | { type: "succeeded"; package: PackageRecord }
  | { type: "failed"; error: JobError }
  | { type: "cancelled" }
);

/** An event as the runner reports it; the store numbers it. */
export type NewJobEvent = JobEvent extends infer E
  ? E extends { seq: number }
    ? Omit<E, "seq">
    : never
  : never;

export interface Job {
  id: string;
  name: string | null;
  state: JobState;
  step: JobStep | null;
  zipBytes: number;
  createdBy: number;
  createdAt: string;
  finishedAt: string | null;
  /** Last publish progress. */
  progress: Omit<PublishProgress, "file"> | null;
  packageId: string | null;
  error: JobError | null;
  events: JobEvent[];
  /** Aborted to cancel the job. */
  readonly controller: AbortController;
  /** False once the package is being moved into place: too late to cancel. */
  cancellable: boolean;
  finishedAtMs: number | null;
}

/** The job as the API shows it. */
export function jobView(job: Job): Record<string, unknown> {
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    step: job.step,
    progress: job.progress,
    zipBytes: job.zipBytes,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    packageId: job.packageId,
    error: job.error,
    lastEventSeq: job.events.length,
  };
}

export class JobStore {
  private readonly jobs = new Map<string, Job>();
  private readonly emitter = new EventEmitter();

  constructor(private readonly retentionMs: () => number) {
    this.emitter.setMaxListeners(0);
  }

  create(fields: { name: string | null; zipBytes: number; createdBy: number }): Job {
    this.purgeExpired();
    const job: Job = {
      id: `job-${randomBytes(8).toString("hex")}`,
      ...fields,
      state: "queued",
      step: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      finishedAtMs: null,
      progress: null,
      packageId: null,
      error: null,
      events: [],
      controller: new AbortController(),
      cancellable: true,
    };
    this.jobs.set(job.id, job);
    this.record(job, { type: "queued" });
    return job;
  }

  get(id: string): Job | undefined {
    this.purgeExpired();
    return this.jobs.get(id);
  }

  /** Applies an event to the job's state, keeps it, and tells the job's listeners. */
  record(job: Job, event: NewJobEvent): void {
    if (FINAL_STATES.includes(job.state)) return;
    const numbered = { ...event, seq: job.events.length + 1 } as JobEvent;
    if (numbered.type === "step") {
      job.state = "running";
      job.step = numbered.step;
    } else if (numbered.type === "progress") {
      const { filesDone, filesTotal, bytesDone, bytesTotal } = numbered;
      job.progress = { filesDone, filesTotal, bytesDone, bytesTotal };
    } else if (numbered.type !== "queued") {
      job.state = numbered.type;
      job.finishedAt = new Date().toISOString();
      job.finishedAtMs = Date.now();
      if (numbered.type === "succeeded") job.packageId = numbered.package.id;
      if (numbered.type === "failed") job.error = numbered.error;
    }
    job.events.push(numbered);
    this.emitter.emit(job.id, numbered);
  }

  /** Calls `listener` with each event after `afterSeq` (history first, then live); returns the unsubscribe. */
  subscribe(job: Job, afterSeq: number, listener: (event: JobEvent) => void): () => void {
    for (const event of job.events.slice(Math.max(0, afterSeq))) listener(event);
    this.emitter.on(job.id, listener);
    return () => this.emitter.off(job.id, listener);
  }

  unfinished(): Job[] {
    return [...this.jobs.values()].filter((job) => !FINAL_STATES.includes(job.state));
  }

  private purgeExpired(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs)
      if (job.finishedAtMs !== null && now - job.finishedAtMs >= this.retentionMs()) {
        this.jobs.delete(id);
        this.emitter.removeAllListeners(id);
      }
  }
}
