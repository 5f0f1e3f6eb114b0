// `pnpm bench`: bundle sizes, stack start, commit round trip, a 1,000-call burst and LMS-vs-CDN egress,
// written to reports/bench.json and printed as a table. Targets are reported, not enforced.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createProbeActivities } from "../probe/probe-activities.ts";
import { reportsDir } from "../reporting/reports-dir.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { writeBenchReport, machineInfo } from "./bench-report.ts";
import { benchTable } from "./bench-table.ts";
import { openBenchWorld, type BenchWorld } from "./bench-world.ts";
import { bundleMetrics, buildAndMeasureBundles } from "./bundle-sizes.ts";
import { burstMetrics, measureBurst } from "./burst.ts";
import { commitMetrics, measureCommitRoundTrip } from "./commit-round-trip.ts";
import { commitThroughputMetrics, measureCommitThroughput } from "./commit-throughput.ts";
import { inProcessCommitMetrics, measureInProcessCommits } from "./commit-in-process.ts";
import { dashboardMetrics, measureDashboardLatency } from "./dashboard-latency.ts";
import { egressMetrics, measureEgress } from "./egress.ts";
import { publishMediaPackage } from "./media-package.ts";
import type { Metric } from "./metric.ts";
import { stackStartMetric, timedStackStart } from "./stack-start.ts";

const COMMITS = 60;
const BURST_CALLS = 1000;
const DASHBOARD_COMMITS = 20;
const THROUGHPUT_WARMUP_COMMITS = 4000;
const THROUGHPUT_COMMITS = 8000;
const THROUGHPUT_CLIENTS = 8;

let currentStep = "starting";
const step = (text: string): void => {
  currentStep = text;
  process.stdout.write(`bench: ${text}\n`);
};

/** Runs every measurement; returns the error that stopped the bench, if any, with what was measured before it. */
async function measureAll(metrics: Metric[], details: Record<string, unknown>): Promise<Error | undefined> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "esb-bench-"));
  let stack: EmbeddedStack | undefined;
  let world: BenchWorld | undefined;
  try {
    step("building the reference bridge");
    const bundles = await buildAndMeasureBundles(path.join(tempDir, "bridge"));
    metrics.push(...bundleMetrics(bundles.sizes));
    details.bundles = bundles.sizes;

    step("starting the embedded stack");
    const started = await timedStackStart(bundles.dir);
    stack = started.stack;
    metrics.push(stackStartMetric(started.ms));
    details.stackStartMs = started.ms;

    step("launching Chromium");
    world = await openBenchWorld(stack);
    const probes = await createProbeActivities(stack, world.lms, world.courseId, "bench");

    step(`commit round trip (${COMMITS} commits)`);
    const commits = await measureCommitRoundTrip(world, probes["2004"], COMMITS);
    metrics.push(...commitMetrics(commits));
    details.commitRoundTrip = commits;

    step(
      `twin commit endpoint (${THROUGHPUT_WARMUP_COMMITS} + ${THROUGHPUT_COMMITS} commits, ${THROUGHPUT_CLIENTS} clients)`,
    );
    const learner = await world.lms.createUser();
    await world.lms.enrol(learner, world.courseId);
    const throughput = await measureCommitThroughput(
      stack,
      probes["2004"],
      learner,
      THROUGHPUT_WARMUP_COMMITS,
      THROUGHPUT_COMMITS,
      THROUGHPUT_CLIENTS,
    );
    metrics.push(...commitThroughputMetrics(throughput));
    details.commitThroughput = throughput;
    const inProcessLearner = await world.lms.createUser();
    await world.lms.enrol(inProcessLearner, world.courseId);
    const inProcess = measureInProcessCommits(stack, probes["2004"], inProcessLearner, THROUGHPUT_COMMITS);
    metrics.push(...inProcessCommitMetrics(inProcess));
    details.commitsInProcess = inProcess;

    step(`live dashboard latency (${DASHBOARD_COMMITS} commits)`);
    const dashboard = await measureDashboardLatency(world, probes["2004"], DASHBOARD_COMMITS);
    metrics.push(...dashboardMetrics(dashboard));
    details.dashboardLatency = dashboard;

    step(`burst of ${BURST_CALLS} SetValue calls`);
    const burst = await measureBurst(world, probes["2004"], BURST_CALLS);
    metrics.push(...burstMetrics(burst));
    details.burst = burst;

    step("egress of a media-heavy session");
    const media = await publishMediaPackage(world);
    const egress = await measureEgress(world, media);
    metrics.push(...egressMetrics(egress));
    details.egress = egress;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await world?.browser.close();
    await stack?.close();
    await rm(tempDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const t0 = performance.now();
  const metrics: Metric[] = [];
  const details: Record<string, unknown> = {};
  const failure = await measureAll(metrics, details);
  const durationMs = performance.now() - t0;
  const file = await writeBenchReport(reportsDir(), {
    startedAt: startedAt.toISOString(),
    durationMs,
    machine: machineInfo(),
    metrics,
    details,
    error: failure ? { step: currentStep, message: failure.message } : null,
  });
  process.stdout.write(`\n${benchTable(metrics)}\n\nWrote ${file} in ${(durationMs / 1000).toFixed(1)}s\n`);
  if (!failure) return 0;
  process.stderr.write(
    `\nbench: the benchmark itself failed during "${currentStep}"; the table shows only what was measured before.\n` +
      `${failure.stack ?? failure.message}\n`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`bench: the benchmark itself failed before it could write a report.\n${text}\n`);
    process.exit(1);
  },
);
