// reports/wpt.json: the run in the web-platform-tests results format (run_info, then one result per property
// with its subtests), for tools that already read wptreport files.
import type { PropertyResult, ResultsFile } from "./results-file.ts";
import type { RunDetails } from "./run-details.ts";
import { runInfo } from "./run-info.ts";

export interface WptSubtest {
  name: string;
  status: "PASS" | "FAIL" | "NOTRUN";
  message: string | null;
}

export interface WptResult {
  test: string;
  status: "PASS" | "FAIL" | "SKIP";
  /** wptreport semantics: present only when the status is not the expected one (the first expected status). */
  expected?: "PASS" | "FAIL";
  /** Further statuses a known intermittent may end with. */
  known_intermittent?: ("PASS" | "FAIL")[];
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

type Status = WptResult["status"];

/** `expected` and `known_intermittent` as wptrunner writes them, from the expectation applied to the property. */
function expectation(p: PropertyResult, status: Status): Pick<WptResult, "expected" | "known_intermittent"> {
  if (status === "SKIP") return {};
  const applied = p.expectation && !p.expectation.expired ? p.expectation.expected : ["PASS" as const];
  const [first, ...rest] = applied;
  return {
    ...(first !== undefined && first !== status ? { expected: first } : {}),
    ...(rest.length > 0 ? { known_intermittent: rest } : {}),
  };
}

export function wptReport(results: ResultsFile, details: RunDetails): WptReport {
  const start = Date.parse(results.suite.startedAt) || 0;
  const status = (p: PropertyResult): Status =>
    p.status === "passed" ? "PASS" : p.status === "failed" ? "FAIL" : "SKIP";
  return {
    run_info: runInfo(results.suite) as Record<string, string>,
    time_start: start,
    time_end: start + results.suite.durationMs,
    results: results.properties.map((p) => ({
      test: `/conformance/${p.id}`,
      status: status(p),
      ...expectation(p, status(p)),
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
