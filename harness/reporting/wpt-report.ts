// reports/wpt.json: the run in the web-platform-tests results format (run_info, then one result per property
// with its subtests), for tools that already read wptreport files.
import os from "node:os";
import type { ResultsFile } from "./results-file.ts";
import type { RunDetails } from "./run-details.ts";

export interface WptSubtest {
  name: string;
  status: "PASS" | "FAIL" | "NOTRUN";
  message: string | null;
}

export interface WptResult {
  test: string;
  status: "PASS" | "FAIL" | "SKIP";
  message: string | null;
  duration: number;
  subtests: WptSubtest[];
}

export interface WptReport {
  run_info: Record<string, string>;
  time_start: number;
  time_end: number;
  results: WptResult[];
}

export const WPT_FILE = "wpt.json";

export function wptReport(results: ResultsFile, details: RunDetails): WptReport {
  const start = Date.parse(results.suite.startedAt) || 0;
  return {
    run_info: {
      product: "scorm-bridge-conformance",
      product_version: results.suite.version,
      bridge: results.suite.bridge,
      stack: results.suite.stack,
      os: os.platform(),
      node: process.version,
    },
    time_start: start,
    time_end: start + results.suite.durationMs,
    results: results.properties.map((p) => ({
      test: `/conformance/${p.id}`,
      status: p.status === "passed" ? "PASS" : p.status === "failed" ? "FAIL" : "SKIP",
      message:
        p.status === "not-implemented"
          ? "not implemented"
          : p.message || (p.status === "skipped" ? "not selected" : null),
      duration: p.durationMs,
      subtests: details.tests
        .filter((t) => t.property === p.id)
        .map((t) => ({
          name: t.title,
          status: t.status === "passed" ? "PASS" : t.status === "failed" ? "FAIL" : "NOTRUN",
          message: t.message || null,
        })),
    })),
  };
}
