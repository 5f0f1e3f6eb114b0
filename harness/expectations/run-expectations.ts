// The CLI's use of expectations around a run: load them before it (an invalid file stops the run), judge the
// results after it (results.json rewritten with `expected`), and say what applied and what CI gates on.
import { writeResults, type ResultsFile } from "../reporting/results-file.ts";
import { runInfo } from "../reporting/run-info.ts";
import { applyExpectations, unexpectedResults } from "./apply-expectations.ts";
import { loadRunExpectations, type LoadedExpectations } from "./load-expectations.ts";
import { expectationsForRun } from "./match-expectations.ts";
import { outcomeLine } from "./outcome-text.ts";

export function expectationsOfPlan(plan: {
  useExpectations: boolean;
  expectations: string[];
}): LoadedExpectations {
  return loadRunExpectations({ use: plan.useExpectations, extra: plan.expectations });
}

/** Applies the expectations to a run's results and rewrites its results.json with the verdicts. */
export async function judgeRun(
  dir: string,
  results: ResultsFile,
  loaded: LoadedExpectations,
): Promise<ResultsFile> {
  const judged = applyExpectations(results, loaded.entries);
  await writeResults(dir, judged);
  return judged;
}

/** Which expectations applied to the run, then any placeholder warnings. */
export function expectationsBanner(loaded: LoadedExpectations, results: ResultsFile): string[] {
  if (loaded.sources.length === 0) return ["Expectations: none (every failure is unexpected)"];
  const matching = expectationsForRun(loaded.entries, runInfo(results.suite));
  const files = [...new Set(matching.map((e) => e.source))];
  return [
    matching.length === 0
      ? `Expectations: none match this run (read ${loaded.sources.join(", ")})`
      : `Expectations: ${matching.length} from ${files.join(", ")} (--no-expectations to gate on every failure)`,
    ...loaded.warnings.map((w) => `WARNING: ${w}`),
  ];
}

/** The lines after the table, and the exit code: 1 when a selected property's result is unexpected. */
export function verdict(
  results: ResultsFile,
  selected: readonly string[],
  resultsFile: string,
): { lines: string[]; code: 0 | 1 } {
  const lines = results.properties
    .filter((p) => selected.includes(p.id))
    .map((p) => outcomeLine(p, resultsFile))
    .filter((line): line is string => line !== undefined);
  return { lines, code: unexpectedResults(results, selected).length > 0 ? 1 : 0 };
}
