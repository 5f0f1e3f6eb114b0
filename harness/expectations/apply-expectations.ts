// Judges a run's results against the expectations that match it: every property result gains `expected` (false:
// CI must look at it) and the expectation that applied. Unexpected: a failure nothing excuses, a known divergence
// that now passes (fixed: remove the entry), and any failure whose expectation has expired.
import type { PropertyResult, ResultsFile } from "../reporting/results-file.ts";
import { runInfo, type RunInfo } from "../reporting/run-info.ts";
import type { AppliedExpectation, ExpectedStatus } from "./expectations-format.ts";
import type { SourcedExpectation } from "./load-expectations.ts";
import { expectationFor } from "./match-expectations.ts";

/** The run's day (UTC), which expiry dates are compared with; today when the run's start is unknown. */
export function runDay(results: ResultsFile, now = new Date()): string {
  const started = Date.parse(results.suite.startedAt);
  return new Date(Number.isFinite(started) ? started : now.getTime()).toISOString().slice(0, 10);
}

export function actualStatus(p: PropertyResult): ExpectedStatus | undefined {
  return p.status === "passed" ? "PASS" : p.status === "failed" ? "FAIL" : undefined;
}

function judgeProperty(
  p: PropertyResult,
  entry: SourcedExpectation | undefined,
  day: string,
): Pick<PropertyResult, "expected" | "expectation"> {
  const actual = actualStatus(p);
  // Skipped and not-implemented properties gave no result to judge.
  if (actual === undefined) return { expected: true, expectation: null };
  if (!entry) return { expected: actual === "PASS", expectation: null };
  const expired = entry.expires !== undefined && day > entry.expires;
  const expectation: AppliedExpectation = {
    kind: entry.kind,
    reason: entry.reason,
    expected: entry.expected,
    source: entry.source,
    ...(entry.expires !== undefined ? { expires: entry.expires } : {}),
    expired,
  };
  // An expired expectation excuses nothing: the property is held to the default, PASS.
  const expected = expired ? actual === "PASS" : entry.expected.includes(actual);
  return { expected, expectation };
}

export function applyExpectations(
  results: ResultsFile,
  entries: readonly SourcedExpectation[],
  info: RunInfo = runInfo(results.suite),
  day: string = runDay(results),
): ResultsFile {
  return {
    ...results,
    properties: results.properties.map((p) => ({
      ...p,
      ...judgeProperty(p, expectationFor(p.id, entries, info), day),
    })),
  };
}

/** The results CI gates on. A results file judged by no expectations counts every failure. */
export function unexpectedResults(results: ResultsFile, selected?: readonly string[]): PropertyResult[] {
  return results.properties.filter(
    (p) =>
      (selected === undefined || selected.includes(p.id)) &&
      (p.expected === undefined ? p.status === "failed" : !p.expected),
  );
}
