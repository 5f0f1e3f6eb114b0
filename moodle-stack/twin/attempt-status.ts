// The learner's attempt status on the view page, line for line as mod_scorm's scorm_get_attempt_status prints it
// (Moodle 4.5.6 locallib.php; golden launches' view_text): attempts allowed and made, each attempt's grade, the
// grading method's name and the grade reported. Quirks kept: grades show as a percentage of the maximum grade
// whenever it is not 0, even for "learning objects" (mod_scorm compares the database's string grademethod with the
// integer GRADESCOES using !==, which is always true); an attempt's grade is numbered by position, not by its
// attempt number; with one attempt allowed the grade method is named, otherwise the "what grade" rule.
import type { TwinDb } from "./db.ts";
import { gradingInputs } from "./grade-updates.ts";
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
} from "./grading.ts";

const GRADE_METHOD_NAMES: Record<number, string> = {
  [GRADEHIGHEST]: "Highest grade",
  [GRADEAVERAGE]: "Average grade",
  [GRADESUM]: "Sum grade",
  [GRADESCOES]: "Learning objects",
};

const WHAT_GRADE_NAMES: Record<number, string> = {
  [HIGHESTATTEMPT]: "Highest attempt",
  [AVERAGEATTEMPT]: "Average attempts",
  [FIRSTATTEMPT]: "First attempt",
  [LASTATTEMPT]: "Last completed attempt",
};

export interface AttemptStatus {
  /** The lines of the status paragraph. */
  lines: string[];
  /** "You have reached the maximum number of attempts." when the limit is reached. */
  exceeded: string | null;
}

/** PHP's number_format($x, 0): rounded half away from zero, thousands separated by ",". */
export function numberFormat0(x: number): string {
  const rounded = Math.sign(x) * Math.floor(Math.abs(x) + 0.5);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return rounded < 0 ? `-${digits}` : digits;
}

/** How mod_scorm shows a grade: a percentage of a non-zero maximum grade, else the number as PHP prints it. */
export function shownGrade(grade: number | null, maxgrade: number): string {
  if (maxgrade !== 0) return `${numberFormat0(((grade ?? 0) / maxgrade) * 100)}%`;
  return grade === null ? "" : String(grade);
}

export function attemptStatus(db: TwinDb, scormid: number, userid: number): AttemptStatus | undefined {
  const inputs = gradingInputs(db, scormid, userid);
  if (!inputs) return undefined;
  const { scorm, scoIds, attempts, tracks } = inputs;
  const lines = [
    `Number of attempts allowed: ${scorm.maxattempt > 0 ? scorm.maxattempt : "Unlimited"}`,
    `Number of attempts you have made: ${attempts.length}`,
  ];
  attempts.forEach((attempt, i) => {
    const grade = gradeUserAttempt(scorm.grademethod, scoIds, tracks, attempt);
    lines.push(`Grade for attempt ${i + 1}: ${shownGrade(grade, scorm.maxgrade)}`);
  });
  const method =
    scorm.maxattempt === 1 ? GRADE_METHOD_NAMES[scorm.grademethod] : WHAT_GRADE_NAMES[scorm.whatgrade];
  lines.push(`Grading method: ${method ?? ""}`);
  const reported =
    attempts.length === 0 ? "None" : shownGrade(gradeUser(scorm, scoIds, attempts, tracks), scorm.maxgrade);
  lines.push(`Grade reported: ${reported}`);
  const exceeded =
    scorm.maxattempt > 0 && attempts.length >= scorm.maxattempt
      ? "You have reached the maximum number of attempts."
      : null;
  return { lines, exceeded };
}
