// The package job runner on real files: a package goes through extract, validate, publish and commit into the
// CDN storage folder; a cancel at any step, or a refused package, leaves nothing in the storage and no work
// folder; events are numbered in order and kept for a late listener; finished jobs are forgotten after retention.
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CdnStorage } from "../../moodle-stack/twin/package-service/cdn-storage.ts";
import { runJob, type JobRunnerDeps } from "../../moodle-stack/twin/package-service/job-runner.ts";
import {
  JOB_STEPS,
  JobStore,
  type Job,
  type JobEvent,
  type JobStep,
} from "../../moodle-stack/twin/package-service/job-store.ts";
import { extractZip } from "../../harness/packages/zip/extract-zip.ts";
import { DEFAULT_ZIP_LIMITS } from "../../harness/packages/zip/zip-limits.ts";
import { RunQueue } from "../../moodle-stack/twin/package-service/run-queue.ts";
import { PackageRegistry } from "../../moodle-stack/twin/package-service/package-registry.ts";
import { probeZip, zipSlipZip } from "../support/package-zips.ts";

let root: string;
let storageDir: string;
test.beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "esb-pkg-jobs-"));
  storageDir = path.join(root, "cdn");
  await mkdir(storageDir);
});
test.afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function setup(zip: Buffer, beforeStep?: JobRunnerDeps["beforeStep"], retentionMs = 60_000) {
  const store = new JobStore(() => retentionMs);
  const registry = new PackageRegistry();
  const storage = new CdnStorage({ dir: storageDir, publicBaseUrl: "https://cdn.test/packages" });
  const workDir = await mkdtemp(path.join(root, "work-"));
  const zipPath = path.join(workDir, "upload.zip");
  await writeFile(zipPath, zip);
  const job = store.create({ name: null, zipBytes: zip.length, createdBy: 7 });
  const deps: JobRunnerDeps = { store, registry, storage: () => storage, beforeStep };
  return { store, registry, job, run: () => runJob(deps, job, { workDir, zipPath }), workDir };
}

const stepsOf = (job: Job) => job.events.map((e) => (e.type === "step" ? e.step : e.type));

test("a package is extracted, validated, published file by file and committed under its id", async () => {
  const { job, run, registry, workDir } = await setup(probeZip(2));
  await run();
  expect(job.state).toBe("succeeded");
  expect(stepsOf(job)).toEqual([
    "queued",
    "extract",
    "validate",
    "publish",
    "progress",
    "progress",
    "progress",
    "progress",
    "progress",
    "commit",
    "succeeded",
  ]);
  expect(job.events.map((e) => e.seq)).toEqual(job.events.map((_e, i) => i + 1));
  const record = registry.get(job.packageId!)!;
  expect(record).toMatchObject({
    scormVersion: "1.2",
    files: 5,
    manifestUrl: `https://cdn.test/packages/${record.id}/imsmanifest.xml`,
  });
  expect((await readdir(path.join(storageDir, record.id), { recursive: true })).map(String).sort()).toEqual([
    "filler",
    "filler/f00000.txt",
    "filler/f00001.txt",
    "imsmanifest.xml",
    "probe.js",
    "sco.html",
  ]);
  expect(await readdir(path.join(storageDir, ".staging"))).toEqual([]);
  await expect(readdir(workDir)).rejects.toThrow(/ENOENT/);
});

for (const at of JOB_STEPS) {
  test(`a cancel before the ${at} step leaves nothing in the CDN storage and no work folder`, async () => {
    const { job, run, registry, workDir } = await setup(probeZip(3), async (j: Job, step: JobStep) => {
      if (step === at) j.controller.abort();
    });
    await run();
    expect(job.state).toBe("cancelled");
    expect(stepsOf(job)).not.toContain(at);
    expect(registry.list()).toEqual([]);
    expect((await readdir(storageDir)).filter((n) => n !== ".staging")).toEqual([]);
    expect(await readdir(path.join(storageDir, ".staging")).catch(() => [])).toEqual([]);
    await expect(readdir(workDir)).rejects.toThrow(/ENOENT/);
  });
}

test("a cancel between two published files stops the copy there", async () => {
  const { job, run, store } = await setup(probeZip(10));
  store.subscribe(job, 0, (event: JobEvent) => {
    if (event.type === "progress" && event.filesDone === 3) job.controller.abort();
  });
  await run();
  expect(job.state).toBe("cancelled");
  expect(job.progress?.filesDone).toBe(3);
  expect((await readdir(storageDir)).filter((n) => n !== ".staging")).toEqual([]);
  expect(await readdir(path.join(storageDir, ".staging"))).toEqual([]);
});

test("a refused package fails with invalid-package and its issue codes, publishing nothing", async () => {
  const { job, run } = await setup(zipSlipZip());
  await run();
  expect(job.state).toBe("failed");
  expect(job.error).toMatchObject({
    code: "invalid-package",
    issues: [{ step: "archive", code: "zip-slip" }],
  });
  expect(await readdir(storageDir)).toEqual([]);
});

test("a late listener gets the history then live events; finished jobs go after the retention time", async () => {
  const { job, run, store } = await setup(probeZip(), undefined, 0);
  await run();
  const heard: number[] = [];
  store.subscribe(job, 2, (event) => heard.push(event.seq));
  expect(heard).toEqual(job.events.slice(2).map((e) => e.seq));
  expect(store.get(job.id)).toBeUndefined(); // retention 0: gone at the next look
});

test("the run queue runs at most its limit at a time, the others in arrival order", async () => {
  const queue = new RunQueue(() => 2);
  const started: number[] = [];
  const releases: Array<() => void> = [];
  const runs = [0, 1, 2, 3].map((i) =>
    queue.run(async () => {
      started.push(i);
      await new Promise<void>((resolve) => releases.push(resolve));
      return i;
    }),
  );
  await new Promise((resolve) => setImmediate(resolve));
  expect(started).toEqual([0, 1]);
  releases[1]!();
  await runs[1];
  await new Promise((resolve) => setImmediate(resolve));
  expect(started).toEqual([0, 1, 2]);
  releases[0]!();
  await runs[0];
  await new Promise((resolve) => setImmediate(resolve));
  expect(started).toEqual([0, 1, 2, 3]);
  releases[2]!();
  releases[3]!();
  expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
});

test("extraction stops before the next entry once the job's signal is aborted, leaving its folder empty", async () => {
  const zipPath = path.join(root, "many.zip");
  await writeFile(zipPath, probeZip(50));
  const target = path.join(root, "out");
  const controller = new AbortController();
  controller.abort();
  await expect(extractZip(zipPath, target, DEFAULT_ZIP_LIMITS, controller.signal)).rejects.toThrow(
    /aborted/i,
  );
  expect(await readdir(target)).toEqual([]);
});
