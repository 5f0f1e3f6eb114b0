// The mutation matrix: a mutant counts as killed only when every property it targets failed on it; a run without
// results never counts as killed.
import { expect, test } from "@playwright/test";
import { mutantOutcome, mutationMatrix } from "../../harness/mutation/mutation-matrix.ts";
import type { ResultsFile, PropertyStatus } from "../../harness/reporting/results-file.ts";

function results(statuses: Record<string, PropertyStatus>): ResultsFile {
  return {
    suite: { version: "0", stack: "embedded", bridge: "mutant:x", startedAt: "", durationMs: 0 },
    properties: Object.entries(statuses).map(([id, status]) => ({
      id,
      title: id,
      status,
      runs: null,
      seed: null,
      durationMs: 0,
      message: "",
    })),
  };
}

test("killed iff every target failed", () => {
  const both = mutantOutcome(
    { name: "a", targets: ["P14", "P20"] },
    results({ P14: "failed", P20: "failed" }),
  );
  const half = mutantOutcome(
    { name: "b", targets: ["P14", "P20"] },
    results({ P14: "failed", P20: "passed" }),
  );
  const other = mutantOutcome({ name: "c", targets: ["P06"] }, results({ P05: "failed", P06: "passed" }));
  expect(both).toMatchObject({ killed: true, failed: ["P14", "P20"] });
  expect(half).toMatchObject({ killed: false, failed: ["P14"] });
  expect(other).toMatchObject({ killed: false, failed: ["P05"] });
  const matrix = mutationMatrix([both, half, other], new Date(0));
  expect(matrix).toMatchObject({ killed: 1, survived: ["b", "c"], generatedAt: "1970-01-01T00:00:00.000Z" });
});

test("a run that wrote no results is a survivor with the reason", () => {
  const broken = mutantOutcome({ name: "d", targets: ["P01"] }, null, "the CLI exited 3 without results");
  expect(broken).toEqual({
    name: "d",
    targets: ["P01"],
    failed: [],
    killed: false,
    error: "the CLI exited 3 without results",
  });
});
