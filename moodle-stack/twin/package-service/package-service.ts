// The package service: settings, jobs, the published packages and the CDN storage they land in, its REST routes
// and its progress channel. The twin creates it; the stack tells it where the CDN storage is once the CDN listens
// (useStorage) and hands it the LMS server's upgrade requests (handleUpgrade).
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type express from "express";
import type { Activities } from "../activities.ts";
import type { TwinDb } from "../db.ts";
import type { LmsApi } from "../lms-api.ts";
import type { Session, Sessions } from "../sessions.ts";
import { CdnStorage, type CdnStorageOptions } from "./cdn-storage.ts";
import { runJob, type JobRunnerDeps, type ReceivedUpload } from "./job-runner.ts";
import { FINAL_STATES, JobStore, type Job, type JobStep } from "./job-store.ts";
import { PackageRegistry } from "./package-registry.ts";
import { API_PATH, packageRouter } from "./package-routes.ts";
import { ProgressSocket } from "./progress-socket.ts";
import { RunQueue } from "./run-queue.ts";
import { PackageServiceError } from "./service-error.ts";
import {
  packageServiceSettingsFromEnv,
  validatePackageServiceSettings,
  type PackageServiceSettings,
} from "./settings.ts";

export interface PackageServiceDeps {
  db: TwinDb;
  api: LmsApi;
  activities: Activities;
  sessions: Sessions;
  wwwroot: () => string;
  /** Settings; from the ESB_PACKAGE_* environment variables when absent. */
  settings?: PackageServiceSettings;
}

export class PackageService {
  readonly registry = new PackageRegistry();
  readonly store: JobStore;
  private currentSettings: PackageServiceSettings;
  private cdnStorage: CdnStorage | undefined;
  private readonly queue: RunQueue;
  private readonly socket: ProgressSocket;
  private readonly running = new Set<Promise<void>>();
  /** Awaited before each job step; tests use it to hold a job at a known step. */
  beforeStep: JobRunnerDeps["beforeStep"];

  constructor(private readonly deps: PackageServiceDeps) {
    this.currentSettings = deps.settings ?? packageServiceSettingsFromEnv();
    this.store = new JobStore(() => this.currentSettings.jobRetentionMs);
    this.queue = new RunQueue(() => this.currentSettings.maxRunningJobs);
    this.socket = new ProgressSocket({
      db: deps.db,
      store: this.store,
      session: (req) => this.session(req),
      wwwroot: deps.wwwroot,
      apiPath: API_PATH,
    });
  }

  get settings(): Readonly<PackageServiceSettings> {
    return this.currentSettings;
  }

  /** Changes settings at run time, validated as the environment's are; a bad value changes nothing. */
  setSettings(values: Partial<Record<keyof PackageServiceSettings, unknown>>): PackageServiceSettings {
    this.currentSettings = validatePackageServiceSettings(values, this.currentSettings);
    return this.currentSettings;
  }

  /** Where packages are published: the CDN's storage folder and its public URL. */
  useStorage(options: CdnStorageOptions): void {
    this.cdnStorage = new CdnStorage(options);
  }

  storage(): CdnStorage {
    if (!this.cdnStorage)
      throw new PackageServiceError(503, "storage-unavailable", "No CDN storage is configured for packages.");
    return this.cdnStorage;
  }

  private session(req: IncomingMessage): Session | undefined {
    return this.deps.sessions.fromCookieHeader(req.headers.cookie);
  }

  router(): express.Router {
    return packageRouter({ ...this.deps, session: (req) => this.session(req), service: this });
  }

  /** The LMS server's upgrade requests: true when it was the progress channel's (answered or refused). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    return this.socket.handleUpgrade(req, socket, head);
  }

  /** Queues the job; resolves when it ended (succeeded, failed or cancelled). */
  process(job: Job, upload: ReceivedUpload): Promise<void> {
    const deps: JobRunnerDeps = {
      store: this.store,
      registry: this.registry,
      storage: () => this.storage(),
      beforeStep: (j: Job, step: JobStep) => this.beforeStep?.(j, step) ?? Promise.resolve(),
    };
    const run = this.queue.run(() => runJob(deps, job, upload));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  /** Cancels a job that is queued or running and not yet moving its package into place. */
  cancel(job: Job): Job {
    if (FINAL_STATES.includes(job.state))
      throw new PackageServiceError(409, "job-finished", `The job has already ${job.state}.`, {
        state: job.state,
      });
    if (!job.cancellable)
      throw new PackageServiceError(
        409,
        "job-not-cancellable",
        "The package is being put in place: too late to cancel.",
      );
    job.controller.abort();
    if (job.state === "queued") this.store.record(job, { type: "cancelled" });
    return job;
  }

  /** Closes the progress channels, cancels every unfinished job and waits for them to clean up. */
  async close(): Promise<void> {
    this.socket.close();
    for (const job of this.store.unfinished()) job.controller.abort();
    await Promise.all([...this.running]);
  }
}
