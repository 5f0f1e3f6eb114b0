// Oracle for P07/P08: a model of what mod_scorm (Moodle 4.5.6) keeps for one learner in one activity, fed with the
// element writes in the order scorm_insert_track receives them. It is written from moodle-scorm-contract §2-§3 and
// the golden recordings, apart from the twin's code, and it only predicts: the properties compare its predictions
// with what the LMS driver reads. Grade maths live in moodle-grading.ts, completion rules in moodle-completion.ts;
// this file holds the stored values, the attempts, and *when* mod_scorm regrades (after a score.raw write of any
// value, or a completed/passed status write) — the gradebook and completion only move at those moments.
import {
  gradeForUser,
  gradebookRow,
  type GradebookExpectation,
  type GradingRules,
} from "./moodle-grading.ts";
import { completionAfterRegrade, type CompletionRules } from "./moodle-completion.ts";

export type ScormVersion = "1.2" | "2004";

export interface ModelActivity {
  version: ScormVersion;
  /** Ids (or tokens) of the launchable scorm_scoes rows, in manifest order; all of scormtype "sco". */
  scoes: ReadonlyArray<string | number>;
  grading: GradingRules;
  completion: CompletionRules;
  /** course_modules.completion is automatic (else completion is never stored). */
  completionTracking: boolean;
  /** mdl_scorm.forcecompleted (1.2 only). */
  forcecompleted?: boolean;
}

/** One stored value: the attempt number, the SCO, mod_scorm's element name, the text. */
export interface ModelValue {
  attempt: number;
  sco: string | number;
  element: string;
  value: string;
}

const SCORES = ["cmi.core.score.raw", "cmi.score.raw"];
const STATUSES = ["cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"];

/** §2.3 step 4: the writes after which scorm_insert_track calls scorm_update_grades. */
export function regrades(element: string, value: string): boolean {
  return SCORES.includes(element) || (STATUSES.includes(element) && ["completed", "passed"].includes(value));
}

export class ModScormModel {
  private readonly values = new Map<string, ModelValue>();
  private readonly attemptNumbers = new Set<number>();
  private grade: GradebookExpectation | null = null;
  private completionState = 0;
  /** Raw grades each regrade produced that changed the gradebook, in order (for grade_grades_history). */
  readonly gradeChanges: Array<number | null> = [];

  constructor(readonly activity: ModelActivity) {}

  private key(attempt: number, sco: string | number, element: string): string {
    return JSON.stringify([attempt, String(sco), element]);
  }

  /** Every stored value, any attempt. */
  stored(): ModelValue[] {
    return [...this.values.values()];
  }

  get(attempt: number, sco: string | number, element: string): string | undefined {
    return this.values.get(this.key(attempt, sco, element))?.value;
  }

  attempts(): number[] {
    return [...this.attemptNumbers].sort((a, b) => a - b);
  }

  lastAttempt(): number {
    const all = this.attempts();
    return all.length ? all[all.length - 1]! : 1;
  }

  /**
   * player.php: which attempt a launch opens (scorm_check_mode) and the attempt row it creates. A new attempt is
   * granted only if asked for, the attempt limit allows it, and every SCO of the last attempt has a final status
   * (1.2 lesson_status, 2004 completion_status, of completed/passed/failed).
   */
  openPlayer(sco: string | number, newAttempt: boolean): number {
    let attempt = this.lastAttempt();
    if (this.attemptNumbers.size > 0 && newAttempt) {
      const limit = this.activity.grading.maxattempt;
      const statusElement =
        this.activity.version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status";
      const finished = this.activity.scoes.every((s) =>
        ["completed", "passed", "failed"].includes(this.get(attempt, s, statusElement) ?? ""),
      );
      if (finished && (limit === 0 || attempt < limit)) attempt += 1;
    }
    this.attemptNumbers.add(attempt);
    if (this.get(attempt, sco, "x.start.time") === undefined)
      this.values.set(this.key(attempt, sco, "x.start.time"), {
        attempt,
        sco,
        element: "x.start.time",
        value: "0",
      });
    return attempt;
  }

  /**
   * scorm_insert_track for one element: the forcecompleted rewrites (1.2), the upsert, and a regrade when the element
   * asks for one (which may move the gradebook and, through scorm_set_completion, completion).
   */
  write(attempt: number, sco: string | number, element: string, value: string): void {
    this.attemptNumbers.add(attempt);
    let stored = value;
    if (this.activity.forcecompleted && this.activity.version === "1.2") {
      const status = this.get(attempt, sco, "cmi.core.lesson_status");
      if (
        element === "cmi.core.lesson_status" &&
        value === "incomplete" &&
        this.get(attempt, sco, "cmi.core.score.raw") !== undefined
      )
        stored = "completed";
      if (element === "cmi.core.score.raw" && status === "incomplete")
        this.values.set(this.key(attempt, sco, "cmi.core.lesson_status"), {
          attempt,
          sco,
          element: "cmi.core.lesson_status",
          value: "completed",
        });
    }
    if (element !== "x.start.time" || this.get(attempt, sco, element) === undefined)
      this.values.set(this.key(attempt, sco, element), { attempt, sco, element, value: stored });
    if (regrades(element, stored)) this.regrade();
  }

  /** scorm_update_grades for this user: the grade from what is stored, then completion told COMPLETE is possible. */
  private regrade(): void {
    const raw = gradeForUser(this.activity.grading, this.activity.scoes, this.attempts(), this.stored());
    const row = gradebookRow(this.activity.grading, this.activity.scoes.length, raw);
    if (this.grade?.rawgrade !== row.rawgrade || this.grade === null) this.gradeChanges.push(row.rawgrade);
    this.grade = row;
    if (this.activity.completionTracking)
      this.completionState = completionAfterRegrade(
        this.completionState,
        this.activity.completion,
        this.stored(),
        this.activity.scoes,
      );
  }

  /** What the gradebook holds for the learner: null before the first regrade. */
  gradebook(): GradebookExpectation | null {
    return this.grade;
  }

  /** course_modules_completion.completionstate (0 when no row). */
  completion(): number {
    return this.completionState;
  }
}

/**
 * What mod_scorm's SCORM 1.2 player adds around the SCO's own writes, as the LMS side of a bridge must: a commit
 * before any status stores "not attempted" (no regrade), and LMSFinish turns an unset or "not attempted" status
 * into "completed" (a regrade). Packages without a mastery score are assumed (no mastery override).
 */
export function playerWrites12(
  model: ModScormModel,
  attempt: number,
  sco: string | number,
  finishing: boolean,
): Array<[string, string]> {
  const status = model.get(attempt, sco, "cmi.core.lesson_status");
  if (finishing)
    return status === undefined || status === "not attempted"
      ? [["cmi.core.lesson_status", "completed"]]
      : [];
  return status === undefined ? [["cmi.core.lesson_status", "not attempted"]] : [];
}
