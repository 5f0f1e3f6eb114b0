// Collects, in a test's worker, the error codes the probe SCO observed through the bridge (the probe client
// reports every batch of calls here), and attaches them to the test as `error-codes.json` when it ends; the
// run's reports/error-codes.json is joined from those attachments (error-code-report.ts).
import type { TestInfo } from "@playwright/test";
import type { ProbeResult } from "../probe/probe-client.ts";
import {
  ERROR_CODES_ATTACHMENT,
  emptyObservations,
  observeResults,
  type ErrorCodeObservations,
} from "./error-code-coverage.ts";

let current: ErrorCodeObservations = emptyObservations();

/** Called by the probe client with every batch a SCO ran through the bridge. */
export function recordProbeResults(results: readonly ProbeResult[]): void {
  observeResults(current, results);
}

/** Forgets what earlier tests of this worker observed. */
export function resetErrorCodes(): void {
  current = emptyObservations();
}

/** Attaches what this test's probe calls observed (nothing when it ran no probe call), then forgets it. */
export async function attachErrorCodes(testInfo: TestInfo): Promise<void> {
  const observed = current;
  current = emptyObservations();
  if (Object.keys(observed.scorm2004).length + Object.keys(observed.scorm12).length === 0) return;
  await testInfo.attach(ERROR_CODES_ATTACHMENT, {
    body: JSON.stringify(observed, null, 2),
    contentType: "application/json",
  });
}
