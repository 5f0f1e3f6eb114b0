// Generates what P07 (score synchronization) and P08 (completion status synchronization) play: an activity's grade
// and completion settings, a package of one or three SCOs, and a learner's sessions — which SCO, whether the learner
// asks for a new attempt, the status and score writes of each commit, and whether the SCO finishes.
import fc from "fast-check";

export type GradedVersion = "1.2" | "2004";
export type ScoWrite = [element: string, value: string];

export interface GradedSession {
  /** Index of the SCO (in manifest order) the player opens. */
  sco: number;
  /** Open the player with "Start a new attempt" ticked (granted by mod_scorm only when the last attempt is done). */
  newAttempt: boolean;
  /** The writes before each Commit (one commit at least). */
  commits: ScoWrite[][];
  /** LMSFinish / Terminate after the last commit. */
  finish: boolean;
}

export interface GradingSettings {
  grademethod: 0 | 1 | 2 | 3;
  whatgrade: 0 | 1 | 2 | 3;
  maxgrade: number;
  maxattempt: number;
}

export interface CompletionSettings {
  completionstatusrequired: 2 | 4 | 6 | null;
  completionscorerequired: number | null;
  completionstatusallscos: 0 | 1 | null;
}

export interface GradedPlan {
  version: GradedVersion;
  scoCount: 1 | 3;
  grading: GradingSettings;
  completion: CompletionSettings;
  sessions: GradedSession[];
}

/** A decimal string with up to `places` decimals in [min, max] (what a SCO puts in score.raw). */
const decimal = (min: number, max: number, places: number) =>
  fc
    .integer({ min: min * 10 ** places, max: max * 10 ** places })
    .map((n) => String(Number((n / 10 ** places).toFixed(places))));

/** score.raw: whole numbers, decimals up to three places (PHP's two-decimal rounding), and 0 (ignored by mod_scorm). */
function rawScore(version: GradedVersion): fc.Arbitrary<string> {
  // SCORM 1.2 bounds score.raw to 0-100; 2004's real(10,7) has no range (negative and >100 grades are bounded).
  const [min, max] = version === "1.2" ? [0, 100] : [-20, 150];
  return fc.oneof(
    { arbitrary: decimal(min, max, 0), weight: 4 },
    { arbitrary: decimal(min, max, 3), weight: 2 },
    { arbitrary: fc.constant("0"), weight: 1 },
  );
}

export function statusWrite(version: GradedVersion): fc.Arbitrary<ScoWrite> {
  if (version === "1.2")
    return fc
      .constantFrom("passed", "completed", "failed", "incomplete", "browsed")
      .map((v): ScoWrite => ["cmi.core.lesson_status", v]);
  return fc.oneof(
    fc
      .constantFrom("completed", "incomplete", "not attempted", "unknown")
      .map((v): ScoWrite => ["cmi.completion_status", v]),
    fc.constantFrom("passed", "failed", "unknown").map((v): ScoWrite => ["cmi.success_status", v]),
  );
}

export function scoreWrite(version: GradedVersion): fc.Arbitrary<ScoWrite> {
  if (version === "1.2") return rawScore(version).map((v): ScoWrite => ["cmi.core.score.raw", v]);
  return fc.oneof(
    { arbitrary: rawScore(version).map((v): ScoWrite => ["cmi.score.raw", v]), weight: 3 },
    // score.scaled alone never regrades: mod_scorm grades raw scores only.
    { arbitrary: decimal(-1, 1, 2).map((v): ScoWrite => ["cmi.score.scaled", v]), weight: 1 },
  );
}

function session(version: GradedVersion, scoCount: number, first: boolean): fc.Arbitrary<GradedSession> {
  const write = fc.oneof(statusWrite(version), scoreWrite(version));
  return fc.record({
    sco: fc.integer({ min: 0, max: scoCount - 1 }),
    newAttempt: first ? fc.constant(false) : fc.boolean(),
    commits: fc.array(fc.array(write, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }),
    finish: fc.oneof(
      { arbitrary: fc.constant(true), weight: 3 },
      { arbitrary: fc.constant(false), weight: 1 },
    ),
  });
}

export const gradingSettingsArbitrary: fc.Arbitrary<GradingSettings> = fc.record({
  grademethod: fc.constantFrom(0, 1, 2, 3),
  whatgrade: fc.constantFrom(0, 1, 2, 3),
  maxgrade: fc.oneof(
    { arbitrary: fc.constant(100), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 2 },
    { arbitrary: fc.constant(0), weight: 1 },
  ),
  maxattempt: fc.constantFrom(0, 0, 1, 2, 3),
});

export const completionSettingsArbitrary: fc.Arbitrary<CompletionSettings> = fc
  .record({
    completionstatusrequired: fc.constantFrom<2 | 4 | 6 | null>(null, 2, 4, 6),
    completionscorerequired: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null, freq: 2 }),
    allscos: fc.boolean(),
  })
  .map(({ completionstatusrequired, completionscorerequired, allscos }) => ({
    completionstatusrequired,
    completionscorerequired,
    // mod_form: "all SCOs" needs a required status.
    completionstatusallscos: allscos && completionstatusrequired ? (1 as const) : null,
  }));

const NO_COMPLETION: CompletionSettings = {
  completionstatusrequired: null,
  completionscorerequired: null,
  completionstatusallscos: null,
};

const DEFAULT_GRADING: GradingSettings = { grademethod: 1, whatgrade: 0, maxgrade: 100, maxattempt: 0 };

/** A plan of 1-3 sessions (the first never asks for a new attempt). */
function plan(
  grading: fc.Arbitrary<GradingSettings>,
  completion: fc.Arbitrary<CompletionSettings>,
  maxSessions: number,
): fc.Arbitrary<GradedPlan> {
  return fc
    .record({
      version: fc.constantFrom<GradedVersion>("1.2", "2004"),
      scoCount: fc.constantFrom<1 | 3>(1, 3),
      grading,
      completion,
      sessionCount: fc.integer({ min: 1, max: maxSessions }),
    })
    .chain(({ version, scoCount, grading: g, completion: c, sessionCount }) =>
      fc
        .tuple(...Array.from({ length: sessionCount }, (_, i) => session(version, scoCount, i === 0)))
        .map((sessions) => ({ version, scoCount, grading: g, completion: c, sessions })),
    );
}

/** P07: grade settings and several attempts; completion off. */
export const scorePlanArbitrary = (): fc.Arbitrary<GradedPlan> =>
  plan(gradingSettingsArbitrary, fc.constant(NO_COMPLETION), 3);

/** P08: completion settings over default grading (completion never depends on the grade settings). */
export const completionPlanArbitrary = (): fc.Arbitrary<GradedPlan> =>
  plan(fc.constant(DEFAULT_GRADING), completionSettingsArbitrary, 2);
