// Compares the learner's gradebook grade and completion state after a replayed launch with what Moodle 4.5.6 had
// (the db snapshot after that launch, or db.grade_grades/db.completion after the last one). Differences use the
// stored-values shape so golden-divergences.json lists them the same way: sco "(gradebook)", attempt = the launch
// index they were observed after, element the compared column.
// Normalisation: a grade_grades row whose rawgrade and finalgrade are both null (core creates such rows for
// enrolled users when it regrades the course total) is "no grade", like no row at all; no completion row is 0.
import type { GradebookGrade } from "../lms-driver/lms-driver.ts";
import type { GoldenCompletionRow, GoldenGradeRow, GoldenScenario } from "./scenario-types.ts";
import type { Difference } from "./stored-values-diff.ts";

export const GRADEBOOK_SCO = "(gradebook)";

/** What the replay read through the LMS driver after one launch. */
export interface GradeObservation {
  afterLaunch: number;
  grade: GradebookGrade | null;
  completion: number;
}

/** The compared columns, as text ("null" for none; numbers to five decimals without trailing zeros). */
export interface GradeState {
  "grade_grades.rawgrade": string;
  "grade_grades.finalgrade": string;
  "grade_grades.rawgrademax": string;
  "course_modules_completion.completionstate": string;
}

const show = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === "" ? "null" : String(Number(Number(v).toFixed(5)));

function fromRows(
  grades: readonly GoldenGradeRow[],
  completion: readonly GoldenCompletionRow[],
  user: string,
): GradeState {
  const grade = grades.find((g) => g.userid === user && (g.rawgrade !== null || g.finalgrade !== null));
  const done = completion.find((c) => c.userid === user);
  return {
    "grade_grades.rawgrade": show(grade?.rawgrade),
    "grade_grades.finalgrade": show(grade?.finalgrade),
    "grade_grades.rawgrademax": grade ? show(grade.rawgrademax) : "null",
    "course_modules_completion.completionstate": done ? show(done.completionstate) : "0",
  };
}

/**
 * Moodle's state for the actor after launch `afterLaunch`: the final db for the scenario's last launch, else the
 * snapshot taken after that launch; undefined when the recording has neither.
 */
export function goldenGradeState(s: GoldenScenario, afterLaunch: number): GradeState | undefined {
  const user = `<${s.actor}>`;
  if (afterLaunch === s.launches.length - 1 && s.db.grade_grades)
    return fromRows(s.db.grade_grades, s.db.completion ?? [], user);
  const snapshot = s.db_snapshots.find((x) => x.after_launch === afterLaunch);
  if (!snapshot?.grade_grades) return undefined;
  return fromRows(snapshot.grade_grades, snapshot.completion ?? [], user);
}

export function observedGradeState(o: GradeObservation): GradeState {
  const graded = o.grade && (o.grade.rawgrade !== null || o.grade.finalgrade !== null) ? o.grade : null;
  return {
    "grade_grades.rawgrade": show(graded?.rawgrade),
    "grade_grades.finalgrade": show(graded?.finalgrade),
    "grade_grades.rawgrademax": graded ? show(graded.rawgrademax) : "null",
    "course_modules_completion.completionstate": show(o.completion),
  };
}

/** Differences after each observed launch that the recording has a state for (the last observation per launch). */
export function diffGradeStates(s: GoldenScenario, observations: readonly GradeObservation[]): Difference[] {
  const last = new Map<number, GradeObservation>();
  for (const o of observations) last.set(o.afterLaunch, o);
  const diffs: Difference[] = [];
  for (const [afterLaunch, o] of [...last].sort(([a], [b]) => a - b)) {
    const expected = goldenGradeState(s, afterLaunch);
    if (!expected) continue;
    const actual = observedGradeState(o);
    for (const element of Object.keys(expected) as Array<keyof GradeState>) {
      if (expected[element] !== actual[element])
        diffs.push({
          kind: "different",
          sco: GRADEBOOK_SCO,
          attempt: afterLaunch,
          element,
          expected: expected[element],
          actual: actual[element],
        });
    }
  }
  return diffs;
}
