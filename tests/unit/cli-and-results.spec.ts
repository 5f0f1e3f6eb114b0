import { expect, test } from "@playwright/test";
import { parseConformanceArgs, UsageError } from "../../harness/cli/conformance-args.ts";
import { assembleResults, implementedPropertyIds } from "../../harness/reporting/results-file.ts";
import { summaryTable } from "../../harness/reporting/summary-table.ts";
import { assertDistinctSites } from "../../harness/stack/sites.ts";

test("conformance arguments are parsed and bad ones refused with a reason", () => {
  expect(parseConformanceArgs(["--properties", "P02,P05", "--seed", "42", "--path", "3:1"])).toMatchObject({
    bridge: "reference",
    stack: "embedded",
    properties: ["P02", "P05"],
    seed: 42,
    path: "3:1",
  });
  expect(parseConformanceArgs(["--bridge", "mutant:truncate-suspend-data"]).bridge).toBe(
    "mutant:truncate-suspend-data",
  );
  const bad: Array<[string[], RegExp]> = [
    [["--bridge", "mutant:nope"], /Unknown bridge "mutant:nope"/],
    [["--properties", "P99"], /Unknown property/],
    [["--path", "3"], /--path needs the --seed/],
    [["--seed", "x"], /--seed must be an integer/],
    [["--runs", "0"], /--runs must be an integer >= 1/],
    [["--colour"], /Unknown option/],
  ];
  for (const [args, message] of bad)
    expect(() => parseConformanceArgs(args), args.join(" ")).toThrow(message);
  expect(() => parseConformanceArgs(["--bogus"])).toThrow(UsageError);
});

test("results list all 27 properties and never call an unimplemented one passed", () => {
  const implemented = implementedPropertyIds();
  expect([...implemented].sort()).toEqual(expect.arrayContaining(["P02", "P05", "P06"]));
  const suite = { version: "0", stack: "embedded", bridge: "reference", startedAt: "", durationMs: 0 };
  const observed = new Map([
    ["P02", { status: "passed" as const, runs: 3, seed: 1, durationMs: 5, message: "" }],
  ]);
  const results = assembleResults(suite, observed, new Set(["P01", "P02", "P05"]));
  expect(results.properties).toHaveLength(27);
  const byId = Object.fromEntries(results.properties.map((p) => [p.id, p.status]));
  // Selected but not observed: failed when implemented; not selected: skipped; no spec file: not-implemented.
  const unobserved = (id: string, selected: boolean) =>
    !implemented.has(id) ? "not-implemented" : selected ? "failed" : "skipped";
  expect(byId).toMatchObject({
    P01: unobserved("P01", true),
    P02: "passed",
    P05: "failed",
    P06: "skipped",
    P27: unobserved("P27", false),
  });
  expect(summaryTable(results)).toMatch(/P02\s+SCORM version detection\s+passed\s+3/);
});

test("a stack whose roles share an origin or a host is refused", () => {
  expect(() =>
    assertDistinctSites({
      lms: "https://lms.test:1",
      cdn: "https://cdn.test:2",
      evil: "https://evil.test:3",
    }),
  ).not.toThrow();
  expect(() =>
    assertDistinctSites({
      lms: "https://lms.test:1",
      cdn: "https://lms.test:2",
      evil: "https://evil.test:3",
    }),
  ).toThrow(/distinct sites/);
  expect(() =>
    assertDistinctSites({
      lms: "https://lms.test:1",
      cdn: "https://lms.test:1",
      evil: "https://evil.test:3",
    }),
  ).toThrow(/distinct sites/);
  expect(() =>
    assertDistinctSites({ lms: "http://lms.test:1", cdn: "https://cdn.test:2", evil: "https://evil.test:3" }),
  ).toThrow(/HTTPS/);
});
