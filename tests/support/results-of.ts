// A results.json for tests: the given bridge, with the given property statuses (other properties skipped).
import {
  assembleResults,
  type PropertyStatus,
  type ResultsFile,
} from "../../harness/reporting/results-file.ts";

export function resultsOf(
  bridge: string,
  statuses: Record<string, PropertyStatus>,
  startedAt = "2026-03-01T10:00:00.000Z",
  stack = "embedded",
): ResultsFile {
  const observed = new Map(
    Object.entries(statuses).map(([id, status]) => [
      id,
      {
        status,
        runs: 3,
        seed: 7,
        durationMs: 1000,
        message: status === "failed" ? `boom, replay: pnpm conformance --properties ${id}` : "",
      },
    ]),
  );
  return assembleResults(
    { version: "1", stack, bridge, startedAt, durationMs: 1000 },
    observed,
    new Set(Object.keys(statuses)),
  );
}
