// Playwright reporter writing reports/run-details.json and copying each test's attachments to reports/evidence/.
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { propertyIdOf } from "./property-of-test.ts";
import { reportsDir } from "./reports-dir.ts";
import { RUN_DETAILS_FILE, type EvidenceFile, type SubtestResult } from "./run-details.ts";

const MAX_COPIED_BYTES = 50 * 1024 * 1024;
const copyable = async (file: string): Promise<boolean> =>
  ((await stat(file).catch(() => null))?.size ?? Infinity) <= MAX_COPIED_BYTES;
const safeName = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "file";

export default class RunDetailsReporter implements Reporter {
  private readonly pending: Promise<SubtestResult | null>[] = [];
  private counter = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    this.pending.push(this.record(test, result));
  }

  private async record(test: TestCase, result: TestResult): Promise<SubtestResult | null> {
    const property = propertyIdOf(test, result);
    if (!property) return null;
    const dir = reportsDir();
    const attachments: EvidenceFile[] = [];
    for (const a of result.attachments) {
      const ext = path.extname(a.name) ? "" : a.body ? ".txt" : path.extname(a.path ?? "");
      const file = `evidence/${property}/${++this.counter}-${safeName(a.name)}${ext}`;
      const target = path.join(dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      if (a.body) await writeFile(target, a.body);
      else if (a.path && (await copyable(a.path))) await copyFile(a.path, target);
      else continue;
      attachments.push({ name: a.name, contentType: a.contentType, file });
    }
    const status = result.status === "passed" ? "passed" : result.status === "skipped" ? "skipped" : "failed";
    const annotations = [...result.annotations, ...test.annotations];
    return {
      property,
      title: test.title,
      status,
      durationMs: result.duration,
      message: stripVTControlCharacters(result.errors.map((e) => e.message ?? e.value ?? "").join("\n")),
      replay: annotations.find((a) => a.type === "replay")?.description ?? null,
      attachments,
    };
  }

  async onEnd(): Promise<void> {
    const tests = (await Promise.all(this.pending)).filter((t): t is SubtestResult => t !== null);
    const dir = reportsDir();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, RUN_DETAILS_FILE), JSON.stringify({ tests }, null, 2) + "\n", "utf8");
  }

  printsToStdio(): boolean {
    return false;
  }
}
