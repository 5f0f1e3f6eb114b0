// Expectations files: the format is validated on load with a reason for every bad entry; placeholder reasons
// load with a loud warning; the folder's step-level files (ADL, golden) are not taken for expectations; the
// committed files are valid, have real reasons and never excuse the reference bridge or a mutant.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parseConformanceArgs } from "../../harness/cli/conformance-args.ts";
import {
  EXPECTATIONS_FORMAT,
  ExpectationsError,
  PLACEHOLDER_REASON,
  parseExpectations,
} from "../../harness/expectations/expectations-format.ts";
import {
  EXPECTATIONS_DIR,
  defaultExpectationFiles,
  loadExpectationFiles,
  loadRunExpectations,
} from "../../harness/expectations/load-expectations.ts";

const divergence = {
  property: "P03",
  expected: ["FAIL"],
  when: { bridge: "scorm-again-crossframe" },
  kind: "known-divergence",
  reason: "answers true at once",
};
const file = (...expectations: unknown[]) => ({ format: EXPECTATIONS_FORMAT, expectations });
const problemsOf = (json: unknown): string => {
  try {
    parseExpectations(json, "x.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ExpectationsError);
    return (error as Error).message;
  }
  throw new Error("expected the file to be refused");
};

test("a valid file loads: divergences and dated intermittents, conditions as values or lists", () => {
  const intermittent = {
    ...divergence,
    property: "P05",
    expected: ["PASS", "FAIL"],
    kind: "known-intermittent",
    expires: "2026-12-31",
    when: { bridge: "scorm-again-crossframe", stack: ["embedded", "containers"] },
  };
  const parsed = parseExpectations(file(divergence, intermittent), "x.json");
  expect(parsed.file.expectations).toHaveLength(2);
  expect(parsed.warnings).toEqual([]);
});

test("every bad entry is refused with what is wrong", () => {
  const cases: Array<[unknown, RegExp]> = [
    [[], /must hold an object/],
    [{ expectations: [] }, /"format" must be "property-expectations\/1"/],
    [{ ...file(), extra: 1 }, /unknown top-level key "extra"/],
    [{ format: EXPECTATIONS_FORMAT, expectations: {} }, /"expectations" must be a list/],
    [file({ ...divergence, property: "P99" }), /\[0\].*"property" must be a registered property id/],
    [file({ ...divergence, expected: ["TIMEOUT"] }), /"expected" must be a list of distinct statuses/],
    [file({ ...divergence, expected: [] }), /"expected" must be a list/],
    [file({ ...divergence, kind: "flaky" }), /"kind" must be one of known-divergence, known-intermittent/],
    [file({ ...divergence, reason: "  " }), /"reason" must say why/],
    [file({ ...divergence, expect: ["FAIL"] }), /unknown key "expect"/],
    [file({ ...divergence, expected: ["PASS", "FAIL"] }), /a known divergence expects \["FAIL"\]/],
    [
      file({ ...divergence, kind: "known-intermittent", expected: ["PASS", "FAIL"] }),
      /a known intermittent needs "expires"/,
    ],
    [
      file({ ...divergence, kind: "known-intermittent", expected: ["FAIL"], expires: "2026-01-01" }),
      /a known intermittent expects \["PASS", "FAIL"\]/,
    ],
    [file({ ...divergence, expires: "2026-02-30" }), /"expires" must be a date YYYY-MM-DD/],
    [file({ ...divergence, when: "crossframe" }), /"when" must be an object/],
    [file({ ...divergence, when: { stack: "embedded" } }), /"when.bridge" is required/],
    [
      file({ ...divergence, when: { bridge: "x", cdnProfile: "slow" } }),
      /"when.cdnProfile" is not a run_info key/,
    ],
    [file({ ...divergence, when: { bridge: [] } }), /"when.bridge" must be a non-empty string/],
    [
      file({ ...divergence, when: { bridge: "scorm-again-crosframe" } }),
      /"scorm-again-crosframe" is not a known bridge/,
    ],
    [file({ ...divergence, when: { bridge: "reference" } }), /the reference bridge must pass every property/],
    [
      file({ ...divergence, when: { bridge: ["scorm-again-crossframe", "mutant:truncate-suspend-data"] } }),
      /a mutant must keep failing unexpectedly/,
    ],
    [
      file(divergence, { ...divergence, reason: "again" }),
      /\[1\] \(P03\): same property and conditions as expectations\[0\]/,
    ],
  ];
  for (const [json, message] of cases) expect(problemsOf(json), JSON.stringify(json)).toMatch(message);
  // All problems at once, each with its entry.
  const many = problemsOf(file({ ...divergence, property: "P99" }, { ...divergence, kind: "x" }));
  expect(many).toMatch(/expectations\[0\].*\n.*expectations\[1\]/);
});

test("a placeholder reason loads, with a warning naming the entry", () => {
  const parsed = parseExpectations(file({ ...divergence, reason: PLACEHOLDER_REASON }), "cf.json");
  expect(parsed.warnings).toEqual([
    expect.stringMatching(/^cf\.json: P03 .*placeholder reason "TODO: explain"/),
  ]);
});

test("files: unreadable or invalid JSON is refused; the folder's files of other formats are left alone", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-exp-"));
  try {
    await writeFile(path.join(dir, "steps.json"), JSON.stringify({ failures: [] }));
    await writeFile(path.join(dir, "b.json"), JSON.stringify(file(divergence)));
    await writeFile(path.join(dir, "a.json"), JSON.stringify(file({ ...divergence, property: "P04" })));
    await writeFile(path.join(dir, "broken.txt"), "{");
    expect(defaultExpectationFiles(dir).map((f) => path.basename(f))).toEqual(["a.json", "b.json"]);
    const loaded = loadRunExpectations({ use: true, extra: [], dir });
    expect(loaded.entries.map((e) => e.property)).toEqual(["P04", "P03"]);
    expect(loadRunExpectations({ use: false, extra: [path.join(dir, "a.json")], dir }).entries).toEqual([]);
    expect(() => loadExpectationFiles([path.join(dir, "broken.txt")])).toThrow(/is not valid JSON/);
    expect(() => loadExpectationFiles([path.join(dir, "missing.json")])).toThrow(
      /Cannot read expectations file/,
    );
    expect(() => loadExpectationFiles([path.join(dir, "steps.json")])).toThrow(/"format" must be/);
    await writeFile(
      path.join(dir, "c.json"),
      JSON.stringify({ format: "property-expectations/2", expectations: [] }),
    );
    expect(() => loadRunExpectations({ use: true, extra: [], dir })).toThrow(/c\.json is not a valid/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the committed expectations: valid, real reasons, the CrossFrame file among them, ADL and golden files not", () => {
  const files = defaultExpectationFiles().map((f) => path.relative(EXPECTATIONS_DIR, f));
  expect(files).toContain("scorm-again-crossframe.json");
  expect(files).not.toContain("adl-known-failures.json");
  expect(files).not.toContain("golden-divergences.json");
  const loaded = loadRunExpectations({ use: true, extra: [] });
  expect(loaded.warnings).toEqual([]);
  expect(loaded.entries.length).toBeGreaterThan(0);
  for (const e of loaded.entries) expect(e.reason.length, `${e.property}: ${e.reason}`).toBeGreaterThan(40);
});

test("--expectations adds files (repeatable); --no-expectations turns them off; both at once is refused", () => {
  expect(parseConformanceArgs([])).toMatchObject({ useExpectations: true, expectations: [] });
  expect(parseConformanceArgs(["--expectations", "a.json", "--expectations", "b.json"])).toMatchObject({
    useExpectations: true,
    expectations: ["a.json", "b.json"],
  });
  expect(parseConformanceArgs(["--no-expectations"])).toMatchObject({ useExpectations: false });
  expect(() => parseConformanceArgs(["--no-expectations", "--expectations", "a.json"])).toThrow(
    /contradict each other/,
  );
});
