// A run's run_info (wptreport's name for it): what the run was, as flat strings. wpt.json carries it, and
// expectations (conformance/expectations/*.json) match their `when` conditions against it.
import os from "node:os";
import type { ResultsFile } from "./results-file.ts";

/** The keys a run_info has; an expectation's `when` may name only these. */
export const RUN_INFO_KEYS = [
  "product",
  "product_version",
  "bridge",
  "stack",
  "browser",
  "browser_build",
  "os",
  "node",
] as const;

export type RunInfoKey = (typeof RUN_INFO_KEYS)[number];
export type RunInfo = Partial<Record<RunInfoKey, string>>;

export function runInfo(suite: ResultsFile["suite"]): RunInfo {
  return {
    product: "scorm-bridge-conformance",
    product_version: suite.version,
    bridge: suite.bridge,
    stack: suite.stack,
    // Every run drives Chromium; which build (Playwright's, the system's, $ESB_CHROMIUM) when the run recorded it.
    browser: "chromium",
    ...(suite.browserBuild ? { browser_build: suite.browserBuild } : {}),
    os: os.platform(),
    node: process.version,
  };
}
