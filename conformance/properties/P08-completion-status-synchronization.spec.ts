// P08 Completion status synchronization.
// Requirement: for any status values (1.2 lesson_status; 2004 completion_status + success_status) and completion
// settings (status required, minimum score, all SCOs), the activity completion state equals mod_scorm's result,
// right after each commit.
// Spec: moodle-scorm-contract §3.5 (rules, when they are evaluated, sticky completion), §2.3 (regrade triggers).
// Observes: the probe SCO's API results in the browser; course_modules_completion and mod_scorm's tables through
// the LMS driver's SQL; the expected state comes from the independent oracle harness/oracles/moodle-completion.ts
// (with mod-scorm-model.ts), checked against Moodle 4.5.6's golden recordings by tests/unit/moodle-oracles.spec.ts.
//
// mod_scorm evaluates completion only when it regrades (a score.raw write, or a completed/passed status write),
// over every stored value of every attempt, literally: "completed" does not satisfy "passed" and vice versa, a 2004
// success_status of passed satisfies "passed" even with completion_status incomplete, the minimum score compares
// score.raw, and "all SCOs" needs a completed/passed status on every SCO. Once complete the state never goes back.
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  describeStep,
  playGradedPlan,
  publishGradedPackages,
} from "../../harness/properties/graded-sessions.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { completionPlanArbitrary, type GradedPlan } from "../generators/grading-arbitrary.ts";

const META = requireProperty("P08");

const GRADING = { grademethod: 1, whatgrade: 0, maxgrade: 100, maxattempt: 0 } as const;

const EXAMPLES: GradedPlan[] = [
  // Golden s12_completion_passed_required: rule "passed" only; completed + 90 leaves the activity incomplete.
  {
    version: "1.2",
    scoCount: 1,
    grading: GRADING,
    completion: { completionstatusrequired: 2, completionscorerequired: null, completionstatusallscos: null },
    sessions: [
      {
        sco: 0,
        newAttempt: false,
        commits: [
          [
            ["cmi.core.lesson_status", "completed"],
            ["cmi.core.score.raw", "90"],
          ],
        ],
        finish: true,
      },
    ],
  },
  // Golden s12_mastery_override_on: once complete, a later failed status (and a regrade) leaves it complete.
  {
    version: "1.2",
    scoCount: 1,
    grading: GRADING,
    completion: { completionstatusrequired: 6, completionscorerequired: null, completionstatusallscos: null },
    sessions: [
      {
        sco: 0,
        newAttempt: false,
        commits: [
          [["cmi.core.lesson_status", "completed"]],
          [
            ["cmi.core.lesson_status", "failed"],
            ["cmi.core.score.raw", "10"],
          ],
        ],
        finish: false,
      },
    ],
  },
  // Golden m2004_grademethod_scoes: all SCOs; a success_status of passed counts, a failed one alone does not.
  {
    version: "2004",
    scoCount: 3,
    grading: GRADING,
    completion: { completionstatusrequired: 6, completionscorerequired: 40, completionstatusallscos: 1 },
    sessions: [
      { sco: 0, newAttempt: false, commits: [[["cmi.completion_status", "completed"]]], finish: true },
      {
        sco: 1,
        newAttempt: false,
        commits: [
          [
            ["cmi.completion_status", "incomplete"],
            ["cmi.success_status", "passed"],
            ["cmi.score.raw", "42"],
          ],
        ],
        finish: false,
      },
      {
        sco: 2,
        newAttempt: false,
        commits: [[["cmi.success_status", "failed"]], [["cmi.completion_status", "completed"]]],
        finish: false,
      },
    ],
  },
];

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P08 course");
  const urls = await publishGradedPackages(stack, "p08");

  await runProperty(
    testInfo,
    META,
    completionPlanArbitrary(),
    async (plan) => {
      await playGradedPlan({ browser, stack, lms }, course, urls, plan, (step) => {
        expect(step.observedCompletion, `${describeStep(step)}: completion state`).toBe(
          step.expectedCompletion,
        );
      });
    },
    { defaultRuns: 6, examples: EXAMPLES },
  );
});
