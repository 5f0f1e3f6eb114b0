// Applying expectations to a run: conditions match run_info, the last matching entry wins, a known divergence
// excuses its failure but its pass is UNEXPECTED, an expired entry excuses nothing; results.json, wpt.json, the
// table and the closing lines say so; the mutation matrix still reads statuses.
import { expect, test } from "@playwright/test";
import { applyExpectations, unexpectedResults } from "../../harness/expectations/apply-expectations.ts";
import type { Expectation } from "../../harness/expectations/expectations-format.ts";
import type { SourcedExpectation } from "../../harness/expectations/load-expectations.ts";
import { conditionsHold, expectationFor } from "../../harness/expectations/match-expectations.ts";
import { verdict } from "../../harness/expectations/run-expectations.ts";
import { mutantOutcome } from "../../harness/mutation/mutation-matrix.ts";
import type { ResultsFile } from "../../harness/reporting/results-file.ts";
import { runInfo } from "../../harness/reporting/run-info.ts";
import { summaryTable } from "../../harness/reporting/summary-table.ts";
import { wptReport } from "../../harness/reporting/wpt-report.ts";
import { resultsOf } from "../support/results-of.ts";

const CF = "scorm-again-crossframe";
const source = "conformance/expectations/cf.json";
const divergence = (property: string, extra: Partial<Expectation> = {}): SourcedExpectation => ({
  property,
  expected: ["FAIL"],
  when: { bridge: CF },
  kind: "known-divergence",
  reason: `${property} diverges`,
  source,
  ...extra,
});
const intermittent = (property: string, expires: string): SourcedExpectation =>
  divergence(property, { kind: "known-intermittent", expected: ["PASS", "FAIL"], expires });
const byId = (results: ResultsFile) => Object.fromEntries(results.properties.map((p) => [p.id, p]));

test("conditions: every key must hold; a list accepts any of its values; a key the run lacks never holds", () => {
  const info = runInfo(resultsOf(CF, {}).suite);
  expect(info).toMatchObject({ bridge: CF, stack: "embedded", browser: "chromium" });
  expect(conditionsHold({ bridge: CF }, info)).toBe(true);
  expect(conditionsHold({ bridge: CF, stack: ["containers", "embedded"] }, info)).toBe(true);
  expect(conditionsHold({ bridge: CF, stack: "containers" }, info)).toBe(false);
  expect(conditionsHold({ bridge: "reference" }, info)).toBe(false);
  expect(conditionsHold({ bridge: CF, browser_build: "system" }, info)).toBe(false);
  const broad = divergence("P03");
  const narrow = divergence("P03", { when: { bridge: CF, stack: "embedded" }, reason: "narrow" });
  expect(expectationFor("P03", [broad, narrow], info)?.reason).toBe("narrow");
  expect(expectationFor("P03", [narrow, broad], info)?.reason).toBe("P03 diverges");
  expect(expectationFor("P04", [broad, narrow], info)).toBeUndefined();
});

test("verdicts: expected failure, unexpected pass, intermittents, expiry, unlisted failure, skipped", () => {
  const results = resultsOf(CF, {
    P03: "failed",
    P04: "passed",
    P05: "failed",
    P06: "passed",
    P07: "failed",
    P08: "passed",
    P09: "failed",
    P12: "passed",
  });
  const entries = [
    divergence("P03"),
    divergence("P04"),
    intermittent("P05", "2026-03-01"),
    intermittent("P06", "2026-06-30"),
    intermittent("P07", "2026-02-28"),
    intermittent("P08", "2026-02-28"),
    divergence("P10"),
  ];
  const judged = byId(applyExpectations(results, entries));
  expect(judged.P03).toMatchObject({ status: "failed", expected: true });
  expect(judged.P03?.expectation).toEqual({
    kind: "known-divergence",
    reason: "P03 diverges",
    expected: ["FAIL"],
    source,
    expired: false,
  });
  expect(judged.P04).toMatchObject({ status: "passed", expected: false }); // fixed: fails loudly
  expect(judged.P05).toMatchObject({ expected: true, expectation: { expired: false } }); // the expiry day counts
  expect(judged.P06).toMatchObject({ expected: true });
  expect(judged.P07).toMatchObject({
    expected: false,
    expectation: { expired: true, expires: "2026-02-28" },
  });
  expect(judged.P08).toMatchObject({ expected: true, expectation: { expired: true } }); // held to PASS
  expect(judged.P09).toMatchObject({ status: "failed", expected: false, expectation: null });
  expect(judged.P10).toMatchObject({ status: "skipped", expected: true, expectation: null });
  expect(judged.P12).toMatchObject({ status: "passed", expected: true, expectation: null });
  const judgedFile = applyExpectations(results, entries);
  expect(unexpectedResults(judgedFile).map((p) => p.id)).toEqual(["P04", "P07", "P09"]);
  expect(unexpectedResults(judgedFile, ["P03", "P05"])).toEqual([]);
  // Not judged (a results file straight from Playwright): every failure counts.
  expect(unexpectedResults(results).map((p) => p.id)).toEqual(["P03", "P05", "P07", "P09"]);
});

test("expectations for one bridge never excuse another: the reference bridge's failure stays unexpected", () => {
  const judged = applyExpectations(resultsOf("reference", { P03: "failed" }), [divergence("P03")]);
  expect(byId(judged).P03).toMatchObject({ expected: false, expectation: null });
  expect(verdict(judged, ["P03"], "r.json").code).toBe(1);
});

test("the mutation matrix still counts a mutant killed from a judged results file", () => {
  const judged = applyExpectations(resultsOf("mutant:x", { P06: "failed" }), [divergence("P06")]);
  expect(mutantOutcome({ name: "x", targets: ["P06"] }, judged)).toMatchObject({ killed: true });
  expect(byId(judged).P06?.expected).toBe(false);
});

test("wpt.json: expected only when the status differs from the expectation, known_intermittent listed", () => {
  const results = applyExpectations(
    resultsOf(CF, { P03: "failed", P04: "passed", P05: "failed", P09: "failed", P12: "passed" }),
    [divergence("P03"), divergence("P04"), intermittent("P05", "2026-12-31")],
  );
  const wpt = Object.fromEntries(wptReport(results, { tests: [] }).results.map((r) => [r.test.slice(13), r]));
  expect(wpt.P03).not.toHaveProperty("expected");
  expect(wpt.P04).toMatchObject({ status: "PASS", expected: "FAIL" });
  expect(wpt.P05).toMatchObject({ status: "FAIL", expected: "PASS", known_intermittent: ["FAIL"] });
  expect(wpt.P09).toMatchObject({ status: "FAIL", expected: "PASS" });
  expect(wpt.P12).not.toHaveProperty("expected");
  expect(wpt.P06).not.toHaveProperty("expected");
});

test("the table and closing lines name expected and unexpected results; exit code 1 only on unexpected", () => {
  const results = applyExpectations(
    resultsOf(CF, { P03: "failed", P04: "passed", P07: "failed", P09: "failed" }),
    [divergence("P03"), divergence("P04"), intermittent("P07", "2026-01-31")],
  );
  const table = summaryTable(results);
  expect(table).toMatch(/P03\s+API method execution\s+failed \(expected: known divergence\)/);
  expect(table).toMatch(/P04\s+PostMessage serialization\s+passed \(UNEXPECTED: known divergence fixed\)/);
  expect(table).toMatch(
    /P07\s+Score synchronization\s+failed \(UNEXPECTED: known intermittent expired 2026-01-31\)/,
  );
  expect(table).toMatch(/P09\s+Commit retry logic\s+failed\s+3/);
  expect(table).toMatch(/1 passed, 3 failed, \d+ skipped, \d+ not-implemented; 3 unexpected$/);
  const { lines, code } = verdict(results, ["P03", "P04", "P07", "P09"], "reports/results.json");
  expect(code).toBe(1);
  expect(lines).toEqual([
    `P03 failed as expected (known divergence, ${source}): P03 diverges`,
    `P04 passed UNEXPECTEDLY: the known divergence listed in ${source} no longer occurs. Remove the entry: ` +
      `pnpm conformance update-expectations --from reports/results.json --out ${source}`,
    `P07 failed; its known intermittent entry in ${source} expired on 2026-01-31: fix it or renew the entry; ` +
      "replay with: pnpm conformance --properties P07",
    "P09 failed; replay with: pnpm conformance --properties P09",
  ]);
  expect(verdict(results, ["P03"], "r.json")).toMatchObject({ code: 0 });
});
