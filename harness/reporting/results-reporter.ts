// Playwright reporter for conformance runs: turns property tests into reports/results.json.
import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { readFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { chooseChromium } from "../browser/chromium.ts";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { assembleResults, writeResults, type PropertyResult } from "./results-file.ts";
import { reportsDir } from "./reports-dir.ts";

const annotation = (test: TestCase, result: TestResult, type: string): string | undefined =>
  [...result.annotations, ...test.annotations].find((a) => a.type === type)?.description;

/** Which Chromium the run drove, for run_info (the workers chose it the same way). */
function chromiumBuild(): string | undefined {
  try {
    return chooseChromium().source;
  } catch {
    return undefined;
  }
}

export default class ResultsReporter implements Reporter {
  private readonly startedAt = new Date();
  private readonly observed = new Map<string, Omit<PropertyResult, "id" | "title">>();

  onTestEnd(test: TestCase, result: TestResult): void {
    const id = annotation(test, result, "property") ?? /@(P\d{2})\b/.exec(test.title)?.[1];
    if (!id) return;
    const status = result.status === "passed" ? "passed" : result.status === "skipped" ? "skipped" : "failed";
    const seed = annotation(test, result, "seed");
    const runs = annotation(test, result, "runs");
    const message = stripVTControlCharacters(result.errors.map((e) => e.message ?? e.value ?? "").join("\n"));
    // A property with several tests keeps its first failure: a later passing test must not hide it.
    if (this.observed.get(id)?.status === "failed") return;
    this.observed.set(id, {
      status,
      runs: runs ? Number(runs) : null,
      seed: seed ? Number(seed) : null,
      durationMs: result.duration,
      message: status === "failed" ? message || `Test ended with status ${result.status}` : "",
    });
  }

  async onEnd(_result: FullResult): Promise<void> {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    // A shard runs only its share: properties left to other shards are "skipped" here, not "did not run".
    const selected = process.env.ESB_SHARD
      ? new Set(this.observed.keys())
      : new Set((process.env.ESB_PROPERTIES ?? "").split(",").filter(Boolean));
    const results = assembleResults(
      {
        version: pkg.version,
        stack: process.env.ESB_STACK ?? "embedded",
        bridge: process.env.ESB_BRIDGE ?? "reference",
        startedAt: this.startedAt.toISOString(),
        durationMs: Date.now() - this.startedAt.getTime(),
        browserBuild: chromiumBuild(),
      },
      this.observed,
      selected,
    );
    await writeResults(reportsDir(), results);
  }

  printsToStdio(): boolean {
    return false;
  }
}
