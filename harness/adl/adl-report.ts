// The ADL replay's verdicts as a report: totals, the error-code matrix per test case (steps passed, failed,
// warned, and which failed), every divergence with expected and actual, and the check against the list of
// known failures (each with its reason): an unlisted failure, or a listed step that now passes, is an error.
import type { AdlStep } from "./adl-script.ts";
import type { ActualResult, Verdict } from "../oracles/adl-judge.ts";

export interface StepVerdict {
  step: AdlStep;
  actual: ActualResult;
  verdict: Verdict;
}

export interface KnownFailure {
  steps: string[];
  reason: string;
}

export interface AdlReplayReport {
  total: number;
  passed: number;
  failed: number;
  warnings: number;
  matrix: Record<
    string,
    { steps: number; passed: number; failed: number; warnings: number; failing: string[] }
  >;
  divergences: Array<{
    step: string;
    call: string;
    expected: string;
    actual: string;
    reason: string;
    known: string | null;
  }>;
  unexpectedFailures: string[];
  nowPassing: string[];
}

const callText = (s: AdlStep): string =>
  `${s.method}(${[s.argument, s.value]
    .filter((x) => x !== undefined)
    .map((x) => JSON.stringify(x!.length > 60 ? `${x!.slice(0, 57)}…` : x))
    .join(", ")})`;

export function buildAdlReport(verdicts: StepVerdict[], known: KnownFailure[]): AdlReplayReport {
  const reasonOf = new Map<string, string>();
  for (const k of known) for (const id of k.steps) reasonOf.set(id, k.reason);
  const report: AdlReplayReport = {
    total: verdicts.length,
    passed: 0,
    failed: 0,
    warnings: 0,
    matrix: {},
    divergences: [],
    unexpectedFailures: [],
    nowPassing: [],
  };
  const failedIds = new Set<string>();
  for (const { step, actual, verdict } of verdicts) {
    const row = (report.matrix[step.testCase] ??= {
      steps: 0,
      passed: 0,
      failed: 0,
      warnings: 0,
      failing: [],
    });
    row.steps += 1;
    if (verdict.kind === "pass") {
      report.passed += 1;
      row.passed += 1;
      continue;
    }
    if (verdict.kind === "warning") {
      report.warnings += 1;
      row.warnings += 1;
    } else {
      report.failed += 1;
      row.failed += 1;
      row.failing.push(step.id);
      failedIds.add(step.id);
      if (!reasonOf.has(step.id)) report.unexpectedFailures.push(step.id);
    }
    report.divergences.push({
      step: step.id,
      call: callText(step),
      expected: `${step.expectedReturn.slice(0, 80)} / ${step.expectedCodes.join("|")}`,
      actual: `${(actual.ret ?? "null").slice(0, 80)} / ${actual.err}`,
      reason: verdict.reason,
      known: reasonOf.get(step.id) ?? null,
    });
  }
  const ran = new Set(verdicts.map((v) => v.step.id));
  report.nowPassing = [...reasonOf.keys()].filter((id) => ran.has(id) && !failedIds.has(id));
  return report;
}
