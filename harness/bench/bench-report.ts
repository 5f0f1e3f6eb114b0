// reports/bench.json: every metric plus the raw details of each measurement.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Metric } from "./metric.ts";

export interface BenchReport {
  startedAt: string;
  durationMs: number;
  machine: { platform: string; arch: string; cpus: number; node: string };
  metrics: Metric[];
  details: Record<string, unknown>;
  /** Set when the bench itself broke: the step it was in and why. Metrics then hold only earlier steps. */
  error: { step: string; message: string } | null;
}

export function machineInfo(): BenchReport["machine"] {
  return { platform: process.platform, arch: process.arch, cpus: os.cpus().length, node: process.version };
}

export async function writeBenchReport(dir: string, report: BenchReport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "bench.json");
  await writeFile(file, JSON.stringify(report, null, 2) + "\n", "utf8");
  return file;
}
