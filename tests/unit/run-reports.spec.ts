// Reports derived from results files: wpt JSON, shard merge (pure and of directories), the property x bridge
// matrix and its page, progress lines.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { bridgeMatrix } from "../../harness/reporting/bridge-matrix.ts";
import { matrixPage } from "../../harness/reporting/matrix-page.ts";
import { mergeReportDirs } from "../../harness/reporting/merge-report-dirs.ts";
import { mergeResults } from "../../harness/reporting/merge-results.ts";
import {
  assembleResults,
  type PropertyResult,
  type ResultsFile,
} from "../../harness/reporting/results-file.ts";
import { parseProgressLine, progressLine } from "../../harness/reporting/progress-reporter.ts";
import { readRunDetails } from "../../harness/reporting/run-details.ts";
import { wptReport } from "../../harness/reporting/wpt-report.ts";

type Observed = Omit<PropertyResult, "id" | "title">;
const seen = (status: Observed["status"], message = ""): Observed => ({
  status,
  runs: 3,
  seed: 1,
  durationMs: 1000,
  message,
});

function run(bridge: string, startedAt: string, observed: Record<string, Observed>): ResultsFile {
  const suite = { version: "1", stack: "embedded", bridge, startedAt, durationMs: 5000 };
  return assembleResults(suite, new Map(Object.entries(observed)), new Set(Object.keys(observed)));
}

test("wpt report: run info, one result per property, subtests from the run's tests", () => {
  const results = run("reference", "2026-01-01T00:00:00.000Z", {
    P02: seen("passed"),
    P05: seen("failed", "counterexample: x"),
  });
  const tests = [
    { property: "P05", title: "example 1", status: "passed" as const },
    { property: "P05", title: "generated", status: "failed" as const, message: "boom" },
  ].map((t) => ({ durationMs: 1, message: "", replay: null, attachments: [], ...t }));
  const wpt = wptReport(results, { tests });
  expect(wpt.run_info).toMatchObject({ bridge: "reference", stack: "embedded", product_version: "1" });
  expect(wpt.time_end - wpt.time_start).toBe(5000);
  expect(wpt.results).toHaveLength(27);
  const byTest = Object.fromEntries(wpt.results.map((r) => [r.test, r]));
  expect(byTest["/conformance/P02"]?.status).toBe("PASS");
  expect(byTest["/conformance/P05"]).toMatchObject({ status: "FAIL", message: "counterexample: x" });
  expect(byTest["/conformance/P05"]?.subtests).toEqual([
    { name: "example 1", status: "PASS", message: null },
    { name: "generated", status: "FAIL", message: "boom" },
  ]);
  expect(byTest["/conformance/P06"]?.status).toBe("SKIP");
});

test("merging shards: a failure anywhere wins, then a pass; the run spans all shards", () => {
  const a = run("reference", "2026-01-01T00:00:00.000Z", { P02: seen("passed"), P05: seen("passed") });
  const b = run("reference", "2026-01-01T00:00:10.000Z", { P05: seen("failed", "no"), P06: seen("passed") });
  const merged = mergeResults([a, b]);
  const byId = Object.fromEntries(merged.properties.map((p) => [p.id, p.status]));
  expect(byId).toMatchObject({ P02: "passed", P05: "failed", P06: "passed", P07: "skipped" });
  expect(merged.suite.durationMs).toBe(15000);
  expect(() => mergeResults([a, run("mutant:x", a.suite.startedAt, {})])).toThrow(/different bridges/);
  expect(() => mergeResults([])).toThrow(/nothing to merge/);
});

test("matrix: latest result per bridge and property; a later run that skipped a property keeps the earlier one", () => {
  const runs = [
    run("mutant:z", "2026-01-01T00:00:00.000Z", { P12: seen("failed") }),
    run("reference", "2026-01-01T00:00:00.000Z", { P12: seen("failed") }),
    run("reference", "2026-01-02T00:00:00.000Z", { P12: seen("passed") }),
    run("reference", "2026-01-03T00:00:00.000Z", { P02: seen("passed") }),
  ];
  const matrix = bridgeMatrix(runs);
  expect(matrix.bridges).toEqual(["reference", "mutant:z"]);
  const p12 = matrix.rows.find((r) => r.id === "P12")!;
  expect(p12.cells.reference?.status).toBe("passed");
  expect(p12.cells["mutant:z"]?.status).toBe("failed");
  expect(matrix.rows.find((r) => r.id === "P02")!.cells["mutant:z"]?.status).toBe("skipped");
});

test("the matrix page escapes bridge names and messages", () => {
  const hostile = run("<script>alert(1)</script>", "2026-01-01T00:00:00.000Z", {
    P12: seen("failed", '"><img src=x onerror=alert(1)>'),
  });
  const html = matrixPage(bridgeMatrix([hostile]), new Date(0));
  expect(html).not.toContain("<script>alert");
  expect(html).not.toContain("<img src=x");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).toContain('class="failed"');
});

test("progress lines round-trip and other output is not mistaken for them", () => {
  const line = progressLine({ id: "P07", state: "passed", detail: "[2/3] 4.0s P07 Score @P07" });
  expect(parseProgressLine(line)).toEqual({
    id: "P07",
    state: "passed",
    detail: "[2/3] 4.0s P07 Score @P07",
  });
  expect(parseProgressLine("progress: P16 not-implemented")).toEqual({
    id: "P16",
    state: "not-implemented",
    detail: "",
  });
  expect(parseProgressLine("  ✓ P07 passed")).toBeNull();
  expect(parseProgressLine("progress: P07 exploded")).toBeNull();
});

test("merging shard directories joins results, run details and evidence under per-shard paths", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "esb-merge-"));
  try {
    const shards = [path.join(root, "s1"), path.join(root, "s2")];
    const shardRuns = [
      run("reference", "2026-01-01T00:00:00.000Z", { P12: seen("failed", "cause") }),
      run("reference", "2026-01-01T00:00:05.000Z", { P02: seen("passed") }),
    ];
    for (const [k, dir] of shards.entries()) {
      const id = k === 0 ? "P12" : "P02";
      await mkdir(path.join(dir, "evidence", id), { recursive: true });
      await writeFile(path.join(dir, "evidence", id, "1-counterexample.json"), `{"shard":${k + 1}}`);
      await writeFile(path.join(dir, "results.json"), JSON.stringify(shardRuns[k]));
      const attachments = [
        {
          name: "counterexample.json",
          contentType: "application/json",
          file: `evidence/${id}/1-counterexample.json`,
        },
      ];
      const test = {
        property: id,
        title: id,
        status: "passed",
        durationMs: 1,
        message: "",
        replay: null,
        attachments,
      };
      await writeFile(path.join(dir, "run-details.json"), JSON.stringify({ tests: [test] }));
    }
    const out = path.join(root, "merged");
    const outcome = await mergeReportDirs(shards, out);
    expect(outcome).toMatchObject({ shards: 2, blobs: 0 });
    const merged = JSON.parse(await readFile(path.join(out, "results.json"), "utf8")) as ResultsFile;
    const byId = Object.fromEntries(merged.properties.map((p) => [p.id, p.status]));
    expect(byId).toMatchObject({ P02: "passed", P12: "failed" });
    const details = await readRunDetails(out);
    expect(details.tests.map((t) => t.attachments[0]?.file)).toEqual([
      "evidence/s1/P12/1-counterexample.json",
      "evidence/s2/P02/1-counterexample.json",
    ]);
    expect(await readFile(path.join(out, "evidence/s2/P02/1-counterexample.json"), "utf8")).toBe(
      '{"shard":2}',
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
