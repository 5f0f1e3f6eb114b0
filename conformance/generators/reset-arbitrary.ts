// P27 cases: which reset a teacher does (one learner's attempts, every attempt of the activity, course reset), on
// which SCO version, after how many attempts of the learner in scope, with what they stored.
import fc from "fast-check";
import { storedText } from "./stored-text-arbitrary.ts";

export type ResetKind = "learner" | "activity" | "course";

export interface ResetCase {
  kind: ResetKind;
  version: "1.2" | "2004";
  attempts: number;
  suspendData: string;
  score: number;
}

export function resetArbitrary(): fc.Arbitrary<ResetCase> {
  return fc.record({
    kind: fc.constantFrom("learner" as const, "activity" as const, "course" as const),
    version: fc.constantFrom("1.2" as const, "2004" as const),
    attempts: fc.integer({ min: 1, max: 2 }),
    suspendData: storedText(1, 80),
    score: fc.integer({ min: 1, max: 100 }),
  });
}

export function resetExamples(): ResetCase[] {
  return [{ kind: "learner", version: "1.2", attempts: 2, suspendData: "page=3", score: 80 }];
}
