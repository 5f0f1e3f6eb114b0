// The suite checks itself: the reference bridge passes every implemented property, each mutant bridge is
// caught by the property it targets (with seed and replay command), and the CLI's exit codes hold.
import { expect, test } from "@playwright/test";
import { MUTANTS } from "../../conformance/mutants/index.ts";
import { runConformanceCli as conformance, type CliRun } from "../../harness/cli/run-conformance-cli.ts";
import { loadRunExpectations } from "../../harness/expectations/load-expectations.ts";
import { implementedPropertyIds } from "../../harness/reporting/results-file.ts";

const statusOf = (run: CliRun, id: string) => run.results?.properties.find((p) => p.id === id)?.status;

/** What a failed run has to say: each failed property's message (seed, counterexample, replay), then its output's tail. */
const failureReport = (run: CliRun): string =>
  [
    ...(run.results?.properties ?? [])
      .filter((p) => p.status === "failed")
      .map((p) => `${p.id}: ${p.message ?? ""}`),
    run.output.slice(-3000),
  ].join("\n\n");

test("the reference bridge passes every implemented property", async () => {
  const implemented = [...implementedPropertyIds()].sort();
  const run = await conformance(["--properties", implemented.join(","), "--runs", "4"]);
  expect(run.code, failureReport(run)).toBe(0);
  for (const id of implemented) expect(statusOf(run, id), id).toBe("passed");
  expect(run.results?.properties.filter((p) => p.status === "not-implemented").length).toBe(
    27 - implemented.length,
  );
  expect(run.output).toMatch(/P02\s+SCORM version detection\s+passed/);
  expect(run.errorCodes?.missing, "every SCORM error code provoked through the bridge").toEqual([]);
  expect(run.errorCodes?.cannotOccurButProvoked, "codes listed as impossible").toEqual([]);
});

for (const mutant of MUTANTS) {
  test(`mutant ${mutant.name} is caught by ${mutant.targets.join(", ")}`, async () => {
    const run = await conformance(
      ["--bridge", `mutant:${mutant.name}`, "--properties", mutant.targets.join(","), "--workers", "1"],
      {
        ESB_SHRINK: "0",
      },
    );
    expect(run.code, failureReport(run)).toBe(1);
    for (const id of mutant.targets) {
      expect(statusOf(run, id), id).toBe("failed");
      const message = run.results?.properties.find((p) => p.id === id)?.message ?? "";
      expect(message).toMatch(/seed: -?\d+/);
      expect(message).toContain(
        `replay: pnpm conformance --properties ${id} --bridge mutant:${mutant.name} --seed`,
      );
    }
    expect(run.output).toMatch(new RegExp(`${mutant.targets[0]} failed; replay with: pnpm conformance`));
  });
}

test("bad arguments exit 2 with the reason and the help", async () => {
  const run = await conformance(["--bridge", "mutant:does-not-exist"]);
  expect(run.code).toBe(2);
  expect(run.output).toContain('Unknown bridge "mutant:does-not-exist"');
  expect(run.output).toContain("Usage: pnpm conformance");
});

test("a selection runs only the selected properties and reports the others as skipped", async () => {
  const run = await conformance(["--properties", "P12", "--runs", "20"]);
  expect(run.code, failureReport(run)).toBe(0);
  expect(statusOf(run, "P12")).toBe("passed");
  for (const id of ["P01", "P02", "P27"]) expect(statusOf(run, id), id).toBe("skipped");
});

test("scorm-again's CrossFrame, the prior art, fails the API property the reference bridge passes: a known divergence", async () => {
  const args = ["--bridge", "scorm-again-crossframe", "--properties", "P03", "--workers", "1"];
  const listed = loadRunExpectations({ use: true, extra: [] }).entries.find(
    (e) => e.property === "P03" && e.when.bridge === "scorm-again-crossframe",
  );
  expect(listed?.kind).toBe("known-divergence");
  const run = await conformance(args, { ESB_SHRINK: "0" });
  expect(run.code, failureReport(run)).toBe(0);
  const p03 = run.results?.properties.find((p) => p.id === "P03");
  expect(p03).toMatchObject({
    status: "failed",
    expected: true,
    expectation: { kind: "known-divergence", reason: listed?.reason, expired: false },
  });
  expect(p03?.message).toContain("--bridge scorm-again-crossframe --seed");
  expect(run.output).toMatch(/P03\s+API method execution\s+failed \(expected: known divergence\)/);
  expect(run.output).toContain("P03 failed as expected (known divergence, conformance/expectations/");

  const strict = await conformance([...args, "--no-expectations"], { ESB_SHRINK: "0" });
  expect(strict.code, failureReport(strict)).toBe(1);
  expect(strict.results?.properties.find((p) => p.id === "P03")).toMatchObject({
    status: "failed",
    expected: false,
    expectation: null,
  });
  expect(strict.output).toContain(
    "P03 failed; replay with: pnpm conformance --properties P03 --bridge scorm-again-crossframe",
  );
});
