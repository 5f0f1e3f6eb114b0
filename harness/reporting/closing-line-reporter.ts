// Prints the plain closing line CI reads: "N passed, N failed, N skipped".
import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class ClosingLineReporter implements Reporter {
  private readonly final = new Map<string, TestResult["status"]>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.final.set(test.id, result.status);
  }

  onEnd(_result: FullResult): void {
    const statuses = [...this.final.values()];
    const passed = statuses.filter((s) => s === "passed").length;
    const skipped = statuses.filter((s) => s === "skipped").length;
    const failed = statuses.length - passed - skipped;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
