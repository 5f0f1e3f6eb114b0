// The error-code coverage matrix: what a test's probe calls observed, the run's reports/error-codes.json joined
// from each test's attachment (through run-details.json), its summary line, and the reference bridge's answer
// to Commit and Terminate once the LMS refused the attempt's data for good (391 / 111, 101 in 1.2).
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import * as scorm12 from "scorm-again/scorm12";
import * as scorm2004 from "scorm-again/scorm2004";
import { createSeededApi } from "../../bridge/frame/scorm-runtime.ts";
import type { RuntimeConstructor } from "../../bridge/frame/runtime-loader.ts";
import type { ProbeResult } from "../../harness/probe/probe-client.ts";
import {
  ERROR_CODES_ATTACHMENT,
  SCORM12_ERROR_CODES,
  SCORM2004_ERROR_CODES,
  buildErrorCodeReport,
  emptyObservations,
  errorCodeSummary,
  observeResults,
  type ErrorCodeObservations,
} from "../../harness/reporting/error-code-coverage.ts";
import { writeErrorCodeReport } from "../../harness/reporting/error-code-report.ts";
import { RUN_DETAILS_FILE, type RunDetails } from "../../harness/reporting/run-details.ts";

const result = (fn: string, args: string[], ret: string | null, err: string | null): ProbeResult => ({
  fn,
  args,
  ret,
  err,
});

const observed = (...results: ProbeResult[]): ErrorCodeObservations =>
  observeResults(emptyObservations(), results);

const NONE = { scorm2004: {}, scorm12: {} };

test("a probe batch's codes are kept per version with the first call that gave each", () => {
  const seen = observed(
    result("Initialize", [""], "true", "0"),
    result("SetValue", ["cmi.x", "y"], "false", "401"),
    result("SetValue", ["cmi.y", "z"], "false", "401"),
    result("GetLastError", [], "401", "401"),
    result("GetDiagnostic", ["401"], "no such element", "401"),
    result("LMSGetValue", ["cmi.core._count"], "", "203"),
    result("LMSGetErrorString", ["203"], "Invalid Argument", "203"),
    result("NoSuchMethod", [], null, "no-such-method"),
  );
  expect(seen).toEqual({
    scorm2004: { "0": 'Initialize("") -> true/0', "401": 'SetValue("cmi.x", "y") -> false/401' },
    scorm12: { "203": 'LMSGetValue("cmi.core._count") -> /203' },
  });
  const long = "x".repeat(100);
  expect(observed(result("SetValue", ["cmi.suspend_data", long], "true", "0")).scorm2004["0"]).toBe(
    `SetValue("cmi.suspend_data", "${"x".repeat(57)}…") -> true/0`,
  );
});

test("the matrix lists every code of both versions: provoked by whom, impossible with its reason, or missing", () => {
  const report = buildErrorCodeReport(
    [
      {
        property: "P09",
        observations: { scorm2004: { "391": "Commit() -> false/391", "0": "b" }, scorm12: {} },
      },
      {
        property: "P03",
        observations: { scorm2004: { "0": "a", "102": "c", "999": "d" }, scorm12: { "0": "e" } },
      },
      { property: "P03", observations: { scorm2004: { "0": "f" }, scorm12: { "202": "g" } } },
    ],
    { scorm2004: { "102": "never", "402": "not in this LMS" }, scorm12: {} },
    { scorm2004: { "391": "a note" }, scorm12: {} },
  );
  expect(Object.keys(report.scorm2004)).toEqual([...SCORM2004_ERROR_CODES]);
  expect(Object.keys(report.scorm12)).toEqual([...SCORM12_ERROR_CODES]);
  expect(report.scorm2004["0"]).toEqual({ provokedBy: ["P03", "P09"], example: "a" });
  expect(report.scorm2004["391"]).toEqual({
    provokedBy: ["P09"],
    example: "Commit() -> false/391",
    note: "a note",
  });
  expect(report.scorm2004["402"]).toEqual({ provokedBy: [], example: null, cannotOccur: "not in this LMS" });
  expect(report.scorm2004["102"]).toEqual({ provokedBy: ["P03"], example: "c", cannotOccur: "never" });
  expect(report.scorm2004["101"]).toBeNull();
  expect(report.cannotOccurButProvoked).toEqual(["2004:102"]);
  expect(report.otherCodes.scorm2004).toEqual({ "999": { provokedBy: ["P03"], example: "d" } });
  expect(report.missing).toContain("2004:101");
  expect(report.missing).toContain("1.2:101");
  expect(report.missing).not.toContain("2004:402");
  expect(report.missing).not.toContain("1.2:202");
  expect(report.missing).toHaveLength(26 - 4 + (11 - 2));
  expect(report.properties).toEqual(["P03", "P09"]);
  expect(errorCodeSummary(report)).toMatch(
    /^error codes: 2004 3\/26 \(2 cannot occur: 102, 402\), 1\.2 2\/11; missing: 2004:101, /,
  );
  expect(errorCodeSummary(report)).toContain("listed as impossible but provoked: 2004:102");
  expect(errorCodeSummary(report)).toContain("not SCORM codes: 2004:999");
});

test("with every code provoked (or impossible) nothing is missing", () => {
  const all = (codes: readonly string[]) => Object.fromEntries(codes.map((c) => [c, `call/${c}`]));
  const report = buildErrorCodeReport([
    {
      property: "P03",
      observations: {
        scorm2004: all(SCORM2004_ERROR_CODES.filter((c) => c !== "102" && c !== "402")),
        scorm12: all(SCORM12_ERROR_CODES),
      },
    },
  ]);
  expect(report.missing).toEqual([]);
  expect(report.cannotOccurButProvoked).toEqual([]);
  expect(report.scorm2004["102"]?.cannotOccur).toMatch(/Initialize/);
  expect(errorCodeSummary(report)).toBe(
    "error codes: 2004 24/26 (2 cannot occur: 102, 402), 1.2 11/11; missing: none",
  );
  expect(buildErrorCodeReport([]).missing).toHaveLength(24 + 11);
});

test("reports/error-codes.json is joined from each test's attachment listed in run-details.json", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-error-codes-"));
  try {
    const attach = async (property: string, n: number, observations: unknown) => {
      const file = `evidence/${property}/${n}-${ERROR_CODES_ATTACHMENT}`;
      await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
      await writeFile(path.join(dir, file), JSON.stringify(observations));
      return { name: ERROR_CODES_ATTACHMENT, contentType: "application/json", file };
    };
    const details: RunDetails = {
      tests: [
        {
          property: "P03",
          title: "P03",
          status: "passed",
          durationMs: 1,
          message: "",
          replay: null,
          attachments: [
            {
              name: "adl-replay.json",
              contentType: "application/json",
              file: "evidence/P03/1-adl-replay.json",
            },
            await attach("P03", 2, { scorm2004: { "104": 'Initialize("") -> false/104' }, scorm12: {} }),
          ],
        },
        {
          property: "P09",
          title: "P09",
          status: "failed",
          durationMs: 1,
          message: "",
          replay: null,
          attachments: [
            await attach("P09", 3, { ...NONE, scorm12: { "101": 'LMSFinish("") -> false/101' } }),
          ],
        },
        {
          property: "P12",
          title: "P12",
          status: "passed",
          durationMs: 1,
          message: "",
          replay: null,
          attachments: [],
        },
      ],
    };
    await writeFile(path.join(dir, RUN_DETAILS_FILE), JSON.stringify(details));
    const { file, report } = await writeErrorCodeReport(dir);
    expect(file).toBe(path.join(dir, "error-codes.json"));
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(report);
    expect(report.scorm2004["104"]).toEqual({ provokedBy: ["P03"], example: 'Initialize("") -> false/104' });
    expect(report.scorm12["101"]).toEqual({ provokedBy: ["P09"], example: 'LMSFinish("") -> false/101' });
    expect(report.properties).toEqual(["P03", "P09"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("once the LMS refused the attempt for good, Commit and Terminate answer false: 391/111 (2004), 101 (1.2)", () => {
  const cases = [
    { version: "2004", runtime: scorm2004, ctor: "Scorm2004API", commit: "391", finish: "111" },
    { version: "1.2", runtime: scorm12, ctor: "Scorm12API", commit: "101", finish: "101" },
  ] as const;
  for (const c of cases) {
    let refused = false;
    const flushes: string[] = [];
    const Runtime = (c.runtime as unknown as Record<string, RuntimeConstructor>)[c.ctor]!;
    const api = createSeededApi(
      { launchId: "l", version: c.version, scoUrl: "https://cdn.test/sco.html", values: [], batchMs: 50 },
      { onChange: () => undefined, onFlush: (r) => flushes.push(r), deliveryFailed: () => refused },
      Runtime,
    );
    const names =
      c.version === "2004"
        ? { init: "Initialize", commit: "Commit", finish: "Terminate", error: "GetLastError" }
        : { init: "LMSInitialize", commit: "LMSCommit", finish: "LMSFinish", error: "LMSGetLastError" };
    const call = (fn: string, ...args: string[]): string => `${api[fn]!(...args)}/${api[names.error]!()}`;
    refused = true;
    expect(call(names.finish, ""), `${c.version}: before Initialize the state error wins`).toBe(
      c.version === "2004" ? "false/112" : "false/301",
    );
    expect(call(names.init, "")).toBe("true/0");
    expect(call(names.commit, "x"), "an argument error stays one").toBe("false/201");
    expect(call(names.commit, "")).toBe(`false/${c.commit}`);
    expect(call(names.finish, ""), `${c.version}: Terminate's implicit commit cannot succeed`).toBe(
      `false/${c.finish}`,
    );
    expect(flushes, "a refused Commit or Terminate sends nothing").toEqual([]);
    refused = false;
    expect(call(names.finish, ""), "the session stayed open").toBe("true/0");
    expect(flushes).toEqual(["terminate"]);
  }
});
