// Processes one received upload: extract (the zip rules of harness/packages/zip), validate (ADL's order), publish
// into the CDN storage's staging folder file by file, commit (one rename) and register. Every step is announced
// and publishing reports each file; a cancel is honoured at every step boundary, before every extracted entry and
// after every published file, and a cancelled or failed job leaves nothing in the CDN storage. The work folder is
// removed in every case.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { error as issue } from "../../../harness/packages/package-issue.ts";
import { validatePackage } from "../../../harness/packages/package-validation.ts";
import { extractZip } from "../../../harness/packages/zip/extract-zip.ts";
import { DEFAULT_ZIP_LIMITS } from "../../../harness/packages/zip/zip-limits.ts";
import { ZipRejectedError } from "../../../harness/packages/zip/zip-rejection.ts";
import type { CdnStorage } from "./cdn-storage.ts";
import { packageFacts } from "./package-facts.ts";
import type { PackageRecord, PackageRegistry } from "./package-registry.ts";
import type { Job, JobError, JobStep, JobStore, NewJobEvent } from "./job-store.ts";

export interface JobRunnerDeps {
  store: JobStore;
  registry: PackageRegistry;
  storage: () => CdnStorage;
  /** Awaited before each step starts (tests hold a job at a step with it). */
  beforeStep?: (job: Job, step: JobStep) => Promise<void>;
}

export interface ReceivedUpload {
  /** The job's own work folder, holding the upload; removed when the job ends. */
  workDir: string;
  zipPath: string;
}

class JobFailure extends Error {
  constructor(readonly detail: JobError) {
    super(detail.message);
  }
}

const invalidPackage = (issues: unknown[], warnings: unknown[] = []): JobFailure =>
  new JobFailure({
    code: "invalid-package",
    message: "The package was refused: see issues (each with its validation step and code).",
    issues,
    warnings,
  });

export const newPackageId = (): string => `pkg-${randomBytes(6).toString("hex")}`;

export async function runJob(deps: JobRunnerDeps, job: Job, upload: ReceivedUpload): Promise<void> {
  const signal = job.controller.signal;
  const filesDir = path.join(upload.workDir, "files");
  const packageId = newPackageId();
  const step = async (name: JobStep) => {
    signal.throwIfAborted();
    await deps.beforeStep?.(job, name);
    signal.throwIfAborted();
    deps.store.record(job, { type: "step", step: name });
  };
  let storage: CdnStorage | undefined;
  let outcome: NewJobEvent;
  try {
    storage = deps.storage();
    await step("extract");
    try {
      await extractZip(upload.zipPath, filesDir, DEFAULT_ZIP_LIMITS, signal);
    } catch (e) {
      if (e instanceof ZipRejectedError)
        throw invalidPackage([{ ...issue("archive", e.code, e.message), entry: e.entry ?? null }]);
      throw e;
    }

    await step("validate");
    const validation = await validatePackage(filesDir);
    if (!validation.ok || !validation.manifest) throw invalidPackage(validation.errors, validation.warnings);

    await step("publish");
    const published = await storage.stage(packageId, filesDir, (progress) => {
      signal.throwIfAborted();
      const { filesDone, filesTotal, bytesDone, bytesTotal } = progress;
      deps.store.record(job, {
        type: "progress",
        step: "publish",
        filesDone,
        filesTotal,
        bytesDone,
        bytesTotal,
      });
    });

    await step("commit");
    job.cancellable = false;
    const facts = packageFacts(validation.manifest);
    const record: PackageRecord = {
      id: packageId,
      name: job.name ?? facts.title ?? facts.manifestIdentifier,
      ...facts,
      zipBytes: job.zipBytes,
      bytes: published.bytes,
      files: published.files.length,
      baseUrl: published.baseUrl,
      manifestUrl: published.manifestUrl,
      warnings: validation.warnings,
      uploadedBy: job.createdBy,
      uploadedAt: job.createdAt,
    };
    await storage.commit(packageId);
    deps.registry.add(record);
    outcome = { type: "succeeded", package: record };
  } catch (e) {
    await storage?.discardStaged(packageId);
    if (signal.aborted && job.cancellable) outcome = { type: "cancelled" };
    else if (e instanceof JobFailure) outcome = { type: "failed", error: e.detail };
    else
      outcome = {
        type: "failed",
        error: { code: "internal-error", message: `Processing failed: ${(e as Error).message ?? String(e)}` },
      };
  }
  // The work folder is gone before anyone hears the job ended.
  await rm(upload.workDir, { recursive: true, force: true }).catch(() => undefined);
  deps.store.record(job, outcome);
}
