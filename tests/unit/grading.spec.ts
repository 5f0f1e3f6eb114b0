// mod_scorm's grading rules as pure functions (moodle-stack/twin/grading.ts), each pinned to the contract section
// it comes from and, where the golden data of Moodle 4.5.6 shows it, to that scenario's numbers.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { gradedScore } from "../../harness/oracles/moodle-grading.ts";
import {
  AVERAGEATTEMPT,
  FIRSTATTEMPT,
  GRADEAVERAGE,
  GRADEHIGHEST,
  GRADESCOES,
  GRADESUM,
  HIGHESTATTEMPT,
  LASTATTEMPT,
  gradeUser,
  gradeUserAttempt,
  phpRound,
  scoreRawTwoDecimals,
  summariseSco,
  triggersGradeUpdate,
  type GradedTrack,
  type GradingSettings,
} from "../../moodle-stack/twin/grading.ts";

const SCOES = [1, 2, 3, 4]; // 1 is the organisation row: it never has tracks
const t = (scoid: number, attempt: number, element: string, value: string): GradedTrack => ({
  scoid,
  attempt,
  element,
  value,
});
const passed12 = (scoid: number, attempt: number, raw?: string): GradedTrack[] => [
  t(scoid, attempt, "cmi.core.lesson_status", "passed"),
  ...(raw === undefined ? [] : [t(scoid, attempt, "cmi.core.score.raw", raw)]),
];
const settings = (over: Partial<GradingSettings>): GradingSettings => ({
  grademethod: GRADEHIGHEST,
  whatgrade: HIGHESTATTEMPT,
  maxattempt: 0,
  version: "SCORM_1.2",
  ...over,
});

test("contract §2.3: a score.raw of any value and a completed/passed status regrade; failed/incomplete do not", () => {
  expect(triggersGradeUpdate("cmi.core.score.raw", "")).toBe(true);
  expect(triggersGradeUpdate("cmi.score.raw", "abc")).toBe(true);
  for (const e of ["cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"]) {
    expect(triggersGradeUpdate(e, "completed"), e).toBe(true);
    expect(triggersGradeUpdate(e, "passed"), e).toBe(true);
    expect(triggersGradeUpdate(e, "failed"), e).toBe(false);
    expect(triggersGradeUpdate(e, "incomplete"), e).toBe(false);
  }
  expect(triggersGradeUpdate("cmi.score.scaled", "0.85")).toBe(false);
  expect(triggersGradeUpdate("cmi.core.score.max", "100")).toBe(false);
});

test("contract §2.5: raw scores are read as (float) sprintf('%2.2f'): 99.999 is 100, text is 0", () => {
  expect(scoreRawTwoDecimals("99.999")).toBe(100); // golden s12_invalid_calls: passed/99.999 → grade 100
  expect(scoreRawTwoDecimals("77.5")).toBe(77.5);
  expect(scoreRawTwoDecimals("33.333")).toBe(33.33);
  expect(scoreRawTwoDecimals("-12.345")).toBe(-12.35);
  expect(scoreRawTwoDecimals("abc")).toBe(0);
  expect(scoreRawTwoDecimals("12abc")).toBe(12);
  expect(scoreRawTwoDecimals("")).toBe(0);
  expect(scoreRawTwoDecimals("1e2")).toBe(100);
  // zend_dtoa mode 3: an exact binary tie goes to the even hundredth (JavaScript's toFixed would round it up).
  expect(scoreRawTwoDecimals("0.125")).toBe(0.12);
  expect(scoreRawTwoDecimals("0.375")).toBe(0.38);
  expect(scoreRawTwoDecimals("-2.625")).toBe(-2.62);
  expect(phpRound(57.5)).toBe(58);
  expect(phpRound(-57.5)).toBe(-58);
});

test("contract §2.5: a SCO's status is lesson_status or completion_status, never success_status", () => {
  expect(summariseSco([t(2, 1, "cmi.success_status", "passed")])).toEqual({ status: "", scoreRaw: "" });
  expect(summariseSco([t(2, 1, "cmi.core.lesson_status", "not attempted")])?.status).toBe("notattempted");
  expect(summariseSco([])).toBeNull();
});

test("contract §3.2: highest is the best SCO raw score, never below 0; a score of 0 or none is left out", () => {
  const tracks = [...passed12(2, 1, "40"), ...passed12(3, 1, "80"), ...passed12(4, 1, "0")];
  expect(gradeUserAttempt(GRADEHIGHEST, SCOES, tracks, 1)).toBe(80);
  expect(gradeUserAttempt(GRADEHIGHEST, SCOES, [t(2, 1, "cmi.core.score.raw", "-5")], 1)).toBe(0);
  expect(gradeUserAttempt(GRADEHIGHEST, SCOES, passed12(2, 1), 1)).toBe(0); // s12_completed_noscore: 0
  expect(gradeUserAttempt(GRADEHIGHEST, [], tracks, 1)).toBeNull();
  expect(gradeUserAttempt(99, SCOES, tracks, 1), "an unknown method grades like highest").toBe(80);
});

test("contract §3.2 (golden m12_grademethod_average): average skips SCOs whose raw is 0 — (40+80+0) → 60", () => {
  const tracks = [...passed12(2, 1, "40"), ...passed12(3, 1, "80"), ...passed12(4, 1, "0")];
  expect(gradeUserAttempt(GRADEAVERAGE, SCOES, tracks, 1)).toBe(60);
  expect(gradeUserAttempt(GRADEAVERAGE, SCOES, passed12(2, 1), 1)).toBe(0);
  expect(
    gradeUserAttempt(GRADEAVERAGE, SCOES, [...passed12(2, 1, "50"), ...passed12(3, 1, "-10")], 1),
    "negative scores are averaged in",
  ).toBe(20);
});

test("contract §3.2 (golden m12_grademethod_sum): sum is not capped — 40 + 80 + 60 = 180", () => {
  const tracks = [...passed12(2, 1, "40"), ...passed12(3, 1, "80"), ...passed12(4, 1, "60")];
  expect(gradeUserAttempt(GRADESUM, SCOES, tracks, 1)).toBe(180);
});

test("contract §3.2 (golden m2004_grademethod_scoes): learning objects count completed/passed statuses only", () => {
  const tracks = [
    t(2, 1, "cmi.completion_status", "completed"),
    t(3, 1, "cmi.completion_status", "incomplete"),
    t(3, 1, "cmi.success_status", "passed"),
    t(3, 1, "cmi.score.raw", "90"),
    t(4, 1, "cmi.completion_status", "completed"),
    t(4, 1, "cmi.success_status", "failed"),
  ];
  expect(gradeUserAttempt(GRADESCOES, SCOES, tracks, 1)).toBe(2);
  const m12 = [
    t(2, 1, "cmi.core.lesson_status", "completed"),
    ...passed12(3, 1, "80"),
    t(4, 1, "cmi.core.lesson_status", "failed"),
  ];
  expect(gradeUserAttempt(GRADESCOES, SCOES, m12, 1)).toBe(2); // m12_grademethod_scoes: 2/3
});

test("contract §3.2 (golden s2004_completed_passed_scaled_only): score.scaled alone grades 0", () => {
  const tracks = [
    t(2, 1, "cmi.completion_status", "completed"),
    t(2, 1, "cmi.success_status", "passed"),
    t(2, 1, "cmi.score.scaled", "0.85"),
  ];
  for (const method of [GRADEHIGHEST, GRADEAVERAGE, GRADESUM])
    expect(gradeUserAttempt(method, SCOES, tracks, 1)).toBe(0);
});

// Golden s12_whatgrade_*: attempt 1 passed 70, attempt 2 passed 45, attempt 3 incomplete 90.
const threeAttempts = [
  ...passed12(2, 1, "70"),
  ...passed12(2, 2, "45"),
  t(2, 3, "cmi.core.lesson_status", "incomplete"),
  t(2, 3, "cmi.core.score.raw", "90"),
];

test("contract §3.3 (golden s12_whatgrade_highest): the highest attempt counts incomplete attempts — 90", () => {
  expect(gradeUser(settings({ whatgrade: HIGHESTATTEMPT }), SCOES, [1, 2, 3], threeAttempts)).toBe(90);
  expect(
    gradeUser(settings({ whatgrade: HIGHESTATTEMPT, maxattempt: 2 }), SCOES, [1, 2, 3], threeAttempts),
  ).toBe(70);
});

test("contract §3.3: average attempts is round(sum / attempts with a score) — 205/3 → 68, 115/2 → 58", () => {
  const s = settings({ whatgrade: AVERAGEATTEMPT });
  expect(gradeUser(s, SCOES, [1, 2, 3], threeAttempts)).toBe(68);
  expect(
    gradeUser(
      s,
      SCOES,
      [1, 2],
      threeAttempts.filter((x) => x.attempt < 3),
    ),
  ).toBe(58);
  // MDL-43222: an attempt without the counting element is summed but not counted.
  const withBare = [...passed12(2, 1, "70"), ...passed12(2, 2)];
  expect(gradeUser(s, SCOES, [1, 2], withBare)).toBe(70);
  expect(gradeUser(s, SCOES, [1], passed12(2, 1))).toBe(0);
  // Learning objects count attempts with a lesson_status; 2004 always counts cmi.score.raw.
  expect(
    gradeUser(settings({ whatgrade: AVERAGEATTEMPT, grademethod: GRADESCOES }), SCOES, [1], passed12(2, 1)),
  ).toBe(1);
  const scaled2004 = [t(2, 1, "cmi.completion_status", "completed")];
  expect(
    gradeUser(
      settings({ whatgrade: AVERAGEATTEMPT, grademethod: GRADESCOES, version: "SCORM_1.3" }),
      SCOES,
      [1],
      scaled2004,
    ),
  ).toBe(0);
});

test("contract §3.3 (golden s12_whatgrade_last): first is attempt 1, last is the last attempt with completed/passed", () => {
  expect(gradeUser(settings({ whatgrade: FIRSTATTEMPT }), SCOES, [1, 2, 3], threeAttempts)).toBe(70);
  expect(gradeUser(settings({ whatgrade: LASTATTEMPT }), SCOES, [1, 2, 3], threeAttempts)).toBe(45);
  // Any element holding "completed" marks its attempt (here an objective status in attempt 3).
  const objective = [...threeAttempts, t(2, 3, "cmi.objectives_0.status", "completed")];
  expect(gradeUser(settings({ whatgrade: LASTATTEMPT }), SCOES, [1, 2, 3], objective)).toBe(90);
  expect(
    gradeUser(settings({ whatgrade: LASTATTEMPT }), SCOES, [1], [t(2, 1, "cmi.core.score.raw", "30")]),
  ).toBe(30);
});

test("contract §2.5: the twin's two-decimal reading agrees with the P07 oracle's exact-decimal one", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000),
        fc.integer({ min: -8000, max: 8000 }).map((n) => n / 8),
      ),
      (x) => {
        const text = String(x);
        expect(scoreRawTwoDecimals(text), text).toBe(gradedScore(text));
      },
    ),
    { numRuns: 2000 },
  );
});
