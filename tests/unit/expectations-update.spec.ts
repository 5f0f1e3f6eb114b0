// update-expectations: a run's uncovered failures become known divergences with the placeholder reason, fixed
// divergences are removed, intermittents and other runs' entries stay; the file it writes loads; it refuses the
// reference bridge and mutants.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { updateExpectationsMain } from "../../harness/cli/update-expectations-command.ts";
import {
  EXPECTATIONS_FORMAT,
  PLACEHOLDER_REASON,
  parseExpectations,
  type Expectation,
  type ExpectationsFile,
} from "../../harness/expectations/expectations-format.ts";
import { updateExpectations } from "../../harness/expectations/update-expectations.ts";
import { resultsOf } from "../support/results-of.ts";

const CF = "scorm-again-crossframe";
const entry = (property: string, extra: Partial<Expectation> = {}): Expectation => ({
  property,
  expected: ["FAIL"],
  when: { bridge: CF },
  kind: "known-divergence",
  reason: `${property} is known to diverge`,
  ...extra,
});
const existing: ExpectationsFile = {
  format: EXPECTATIONS_FORMAT,
  about: "kept as written",
  expectations: [
    entry("P03"),
    entry("P04"),
    entry("P05", { kind: "known-intermittent", expected: ["PASS", "FAIL"], expires: "2026-01-01" }),
    entry("P06", { when: { bridge: CF, stack: "containers" } }),
    entry("P13"),
  ],
};

test("adds uncovered failures, removes fixed divergences, keeps intermittents and other runs' entries", () => {
  const results = resultsOf(CF, {
    P03: "failed",
    P04: "passed",
    P05: "failed",
    P06: "failed",
    P09: "failed",
  });
  const update = updateExpectations(existing, results);
  expect(update).toMatchObject({
    added: ["P06", "P09"],
    removed: ["P04"],
    kept: ["P03", "P05"],
    expired: ["P05"],
  });
  expect(update.file.about).toBe("kept as written");
  const rows = update.file.expectations.map((e) => [e.property, e.when, e.reason]);
  expect(rows).toEqual([
    ["P03", { bridge: CF }, "P03 is known to diverge"],
    ["P05", { bridge: CF }, "P05 is known to diverge"],
    // The new broad entry goes before the narrower one for containers, which keeps overriding it there.
    ["P06", { bridge: CF }, PLACEHOLDER_REASON],
    ["P06", { bridge: CF, stack: "containers" }, "P06 is known to diverge"],
    ["P09", { bridge: CF }, PLACEHOLDER_REASON],
    ["P13", { bridge: CF }, "P13 is known to diverge"], // not run: untouched
  ]);
  const reloaded = parseExpectations(JSON.parse(JSON.stringify(update.file)), "out.json");
  expect(reloaded.warnings).toHaveLength(2);
});

test("a new file for a bridge without one; refused for the reference bridge and mutants", () => {
  const fresh = updateExpectations(undefined, resultsOf(CF, { P03: "failed", P12: "passed" }));
  expect(fresh.file.format).toBe(EXPECTATIONS_FORMAT);
  expect(fresh.file.expectations.map((e) => e.property)).toEqual(["P03"]);
  expect(() => updateExpectations(undefined, resultsOf("reference", { P03: "failed" }))).toThrow(
    /reference bridge must pass every property/,
  );
  expect(() => updateExpectations(undefined, resultsOf("mutant:x", { P03: "failed" }))).toThrow(
    /mutant must keep failing unexpectedly/,
  );
});

test("the command writes the file, refreshes it, and exits 2 on bad input", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-upd-"));
  const from = path.join(dir, "results.json");
  const out = path.join(dir, "cf.json");
  let printed = "";
  const print = (s: string) => void (printed += s);
  try {
    await writeFile(from, JSON.stringify(resultsOf(CF, { P03: "failed", P04: "failed" })));
    expect(await updateExpectationsMain(["--from", from, "--out", out], print)).toBe(0);
    expect(printed).toMatch(/added \(known divergence\): P03, P04/);
    expect(printed).toMatch(/WARNING: .*P03 .*placeholder reason/);
    const written = JSON.parse(await readFile(out, "utf8")) as ExpectationsFile;
    expect(written.expectations.map((e) => e.property)).toEqual(["P03", "P04"]);
    await writeFile(from, JSON.stringify(resultsOf(CF, { P03: "failed", P04: "passed" })));
    printed = "";
    expect(await updateExpectationsMain(["--from", from, "--out", out], print)).toBe(0);
    expect(printed).toMatch(/removed \(now pass\): P04\n {2}kept: P03/);
    await writeFile(from, JSON.stringify(resultsOf("reference", { P03: "failed" })));
    expect(await updateExpectationsMain(["--from", from, "--out", out], print)).toBe(2);
    expect(await updateExpectationsMain(["--from", path.join(dir, "none.json")], print)).toBe(2);
    await writeFile(out, "{}");
    await writeFile(from, JSON.stringify(resultsOf(CF, { P03: "failed" })));
    expect(await updateExpectationsMain(["--from", from, "--out", out], print)).toBe(2);
    expect(await updateExpectationsMain(["--bogus"], print)).toBe(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
