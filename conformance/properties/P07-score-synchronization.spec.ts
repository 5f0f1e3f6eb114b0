// P07 Score synchronization.
// Requirement: for any scores and grade settings (grade method: learning objects / highest / average / sum; grade
// over attempts: highest / average / first / last completed; maximum grade), the gradebook grade equals
// mod_scorm's result for the same tracks, right after each commit.
// Spec: moodle-scorm-contract §2.3 (what triggers a regrade), §3.2-§3.4 (grade maths, gradebook push).
// Observes: the probe SCO's API results in the browser; grade_items/grade_grades and mod_scorm's tables through the
// LMS driver's SQL; the expected grade comes from the independent oracle harness/oracles/ (mod-scorm-model.ts,
// moodle-grading.ts), which is checked against Moodle 4.5.6's golden recordings by tests/unit/moodle-oracles.spec.ts.
//
// The rule for a 2004 SCO that sets only cmi.score.scaled (golden s2004_completed_passed_scaled_only): mod_scorm
// grades raw scores only. score.scaled is stored but never regrades and never counts: with a completed/passed
// status the grade is 0 (and the SCO is left out of an average), without one the gradebook has no grade at all.
// A raw score of 0 is likewise ignored by highest/average/sum (PHP's empty()), raw scores are rounded to two
// decimals first, sums are not capped (the gradebook bounds the final grade to the maximum), and the grade only
// moves when a score.raw or a completed/passed status is written — a later failed/incomplete write leaves it.
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  describeStep,
  playGradedPlan,
  publishGradedPackages,
} from "../../harness/properties/graded-sessions.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { scorePlanArbitrary, type GradedPlan } from "../generators/grading-arbitrary.ts";

const META = requireProperty("P07");

const NO_COMPLETION = {
  completionstatusrequired: null,
  completionscorerequired: null,
  completionstatusallscos: null,
};
const passed = (raw: string) => [
  ["cmi.core.lesson_status", "passed"] as [string, string],
  ["cmi.core.score.raw", raw] as [string, string],
];

const EXAMPLES: GradedPlan[] = [
  // Golden s12_whatgrade_last: attempts passed 70, passed 45, incomplete 90 → last completed attempt 45.
  {
    version: "1.2",
    scoCount: 1,
    grading: { grademethod: 1, whatgrade: 3, maxgrade: 100, maxattempt: 0 },
    completion: NO_COMPLETION,
    sessions: [
      { sco: 0, newAttempt: false, commits: [passed("70")], finish: true },
      { sco: 0, newAttempt: true, commits: [passed("45")], finish: true },
      {
        sco: 0,
        newAttempt: true,
        commits: [
          [
            ["cmi.core.lesson_status", "incomplete"],
            ["cmi.core.score.raw", "90"],
          ],
        ],
        finish: true,
      },
    ],
  },
  // Golden m12_grademethod_average: 40 / 80 / 0 over three SCOs → 60 (the 0 is not in the denominator).
  {
    version: "1.2",
    scoCount: 3,
    grading: { grademethod: 2, whatgrade: 0, maxgrade: 100, maxattempt: 0 },
    completion: NO_COMPLETION,
    sessions: [
      { sco: 0, newAttempt: false, commits: [passed("40")], finish: false },
      { sco: 1, newAttempt: false, commits: [passed("80")], finish: false },
      { sco: 2, newAttempt: false, commits: [passed("0")], finish: false },
    ],
  },
  // Golden s2004_completed_passed_scaled_only: only score.scaled → grade 0; then a sum over SCOs bounded by 50.
  {
    version: "2004",
    scoCount: 3,
    grading: { grademethod: 3, whatgrade: 0, maxgrade: 50, maxattempt: 0 },
    completion: NO_COMPLETION,
    sessions: [
      {
        sco: 0,
        newAttempt: false,
        commits: [
          [
            ["cmi.completion_status", "completed"],
            ["cmi.success_status", "passed"],
            ["cmi.score.scaled", "0.85"],
          ],
        ],
        finish: true,
      },
      {
        sco: 1,
        newAttempt: false,
        commits: [[["cmi.score.raw", "40.125"]], [["cmi.score.raw", "99.999"]]],
        finish: true,
      },
    ],
  },
];

const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? a == b : Math.abs(a - b) < 1e-6;

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P07 course");
  const urls = await publishGradedPackages(stack, "p07");

  await runProperty(
    testInfo,
    META,
    scorePlanArbitrary(),
    async (plan) => {
      await playGradedPlan({ browser, stack, lms }, course, urls, plan, (step) => {
        const message = describeStep(step);
        const expected = step.expectedGrade;
        const observed = step.observedGrade;
        if (expected === null) {
          expect(observed?.rawgrade ?? null, `${message}: no regrade yet, so no grade`).toBeNull();
          return;
        }
        expect(observed, `${message}: the gradebook has the learner's grade`).not.toBeNull();
        expect(close(observed!.rawgrade, expected.rawgrade), `${message}: raw grade`).toBe(true);
        expect(close(observed!.finalgrade, expected.finalgrade), `${message}: final grade`).toBe(true);
        expect(observed!.grademax, `${message}: the grade item's maximum`).toBe(expected.grademax);
      });
    },
    { defaultRuns: 4, examples: EXAMPLES },
  );
});
