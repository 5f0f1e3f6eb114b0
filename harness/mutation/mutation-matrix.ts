// reports/mutation-matrix.json: for every mutant bridge, the properties it targets, the ones that failed on it,
// and whether it was killed (every target failed). Built from each mutant run's results.json.
import type { ResultsFile } from "../reporting/results-file.ts";

export interface MutantOutcome {
  name: string;
  targets: string[];
  failed: string[];
  killed: boolean;
  /** Why a run gave no verdict (the CLI broke, no results file); absent when it ran. */
  error?: string;
}

export interface MutationMatrix {
  generatedAt: string;
  mutants: MutantOutcome[];
  killed: number;
  survived: string[];
}

export function mutantOutcome(
  mutant: { name: string; targets: readonly string[] },
  results: ResultsFile | null,
  error?: string,
): MutantOutcome {
  const failed = (results?.properties ?? []).filter((p) => p.status === "failed").map((p) => p.id);
  const killed = results !== null && mutant.targets.every((id) => failed.includes(id));
  return {
    name: mutant.name,
    targets: [...mutant.targets],
    failed,
    killed,
    ...(results === null ? { error: error ?? "the run wrote no results" } : {}),
  };
}

export function mutationMatrix(outcomes: MutantOutcome[], now = new Date()): MutationMatrix {
  return {
    generatedAt: now.toISOString(),
    mutants: outcomes,
    killed: outcomes.filter((o) => o.killed).length,
    survived: outcomes.filter((o) => !o.killed).map((o) => o.name),
  };
}
