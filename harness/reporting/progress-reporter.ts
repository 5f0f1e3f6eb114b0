// Prints one "progress:" line as each property test starts and ends, for people and for the harness UI,
// which parses them (see parseProgressLine).
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from "@playwright/test/reporter";
import { propertyIdOf } from "./property-of-test.ts";

export type ProgressState = "running" | "passed" | "failed" | "skipped" | "not-implemented";

export interface ProgressEvent {
  id: string;
  state: ProgressState;
  detail: string;
}

export function progressLine(event: ProgressEvent): string {
  return `progress: ${event.id} ${event.state}${event.detail ? ` ${event.detail}` : ""}`;
}

export function parseProgressLine(line: string): ProgressEvent | null {
  const m = /^progress: (P\d{2}) (running|passed|failed|skipped|not-implemented)(?: (.*))?$/.exec(
    line.trim(),
  );
  return m ? { id: m[1]!, state: m[2] as ProgressState, detail: m[3] ?? "" } : null;
}

export default class ProgressReporter implements Reporter {
  private total = 0;
  private done = 0;

  onBegin(_config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
  }

  onTestBegin(test: TestCase): void {
    const id = propertyIdOf(test);
    if (id) this.print({ id, state: "running", detail: test.title });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.done += 1;
    const id = propertyIdOf(test, result);
    if (!id) return;
    const state = result.status === "passed" ? "passed" : result.status === "skipped" ? "skipped" : "failed";
    const seconds = (result.duration / 1000).toFixed(1);
    this.print({ id, state, detail: `[${this.done}/${this.total}] ${seconds}s ${test.title}` });
  }

  private print(event: ProgressEvent): void {
    process.stdout.write(`${progressLine(event)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
