// mod_scorm's side of the gradebook and completion (moodle-scorm-contract §3.4, Moodle 4.5.6 lib.php):
// scorm_grade_item_update, scorm_get_user_grades, scorm_update_grades (grades, then scorm_set_completion), and the
// hook scorm_insert_track runs after storing an element (§2.3 step 4). Each call recomputes from what is stored, so
// one commit can recompute several times, exactly like one datamodel.php POST.
import { Completion, COMPLETION_COMPLETE, COMPLETION_INCOMPLETE } from "./completion.ts";
import type { TwinDb } from "./db.ts";
import type { Actor } from "./log-store.ts";
import {
  Gradebook,
  GRADE_TYPE_NONE,
  GRADE_TYPE_VALUE,
  type GradeItemParams,
  type RawGrade,
} from "./gradebook.ts";
import { GRADESCOES, gradeUser, triggersGradeUpdate, type GradedTrack } from "./grading.ts";

interface ScormRow {
  [key: string]: number | string | null;
  id: number;
  course: number;
  name: string;
  version: string;
  grademethod: number;
  whatgrade: number;
  maxattempt: number;
  maxgrade: number;
  cmidnumber: string | null;
}

function scormRow(db: TwinDb, scormid: number): ScormRow | undefined {
  return db.get<ScormRow>(
    `SELECT s.id, s.course, s.name, s.version, s.grademethod, s.whatgrade, s.maxattempt, s.maxgrade,
            cm.idnumber AS cmidnumber
       FROM mdl_scorm s
       LEFT JOIN mdl_course_modules cm ON cm.instance = s.id
             AND cm.module = (SELECT id FROM mdl_modules WHERE name = 'scorm')
      WHERE s.id = ?`,
    [scormid],
  );
}

/** scorm_grade_item_update's parameters: learning objects grade out of the number of launchable SCOs. */
function gradeItemParams(db: TwinDb, scorm: ScormRow): GradeItemParams {
  const base = { itemname: scorm.name, idnumber: scorm.cmidnumber };
  if (scorm.grademethod === GRADESCOES) {
    const row = db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM mdl_scorm_scoes WHERE scorm = ? AND launch IS NOT NULL AND launch <> ''",
      [scorm.id],
    );
    const launchable = row?.n ?? 0;
    return launchable > 0
      ? { ...base, gradetype: GRADE_TYPE_VALUE, grademax: launchable, grademin: 0 }
      : { ...base, gradetype: GRADE_TYPE_NONE };
  }
  return { ...base, gradetype: GRADE_TYPE_VALUE, grademax: scorm.maxgrade, grademin: 0 };
}

/** What scorm_grade_user and scorm_grade_user_attempt read: the settings, every scorm_scoes row, the user's attempts. */
export interface GradingInputs {
  scorm: ScormRow;
  scoIds: number[];
  /** The user's scorm_attempt numbers, ascending. */
  attempts: number[];
  tracks: GradedTrack[];
}

export function gradingInputs(db: TwinDb, scormid: number, userid: number): GradingInputs | undefined {
  const scorm = scormRow(db, scormid);
  if (!scorm) return undefined;
  const scoIds = db
    .all<{ id: number }>("SELECT id FROM mdl_scorm_scoes WHERE scorm = ? ORDER BY sortorder, id", [scormid])
    .map((r) => r.id);
  const attempts = db
    .all<{ attempt: number }>(
      `SELECT DISTINCT attempt FROM ${db.tracks.attempts} a WHERE userid = ? AND scormid = ? ORDER BY attempt`,
      [userid, scormid],
    )
    .map((r) => r.attempt);
  const tracks = db.all<GradedTrack & { [key: string]: number | string }>(
    `SELECT t.scoid, t.attempt, t.element, t.value
       FROM ${db.tracks.values} t
      WHERE t.userid = ? AND t.scormid = ?
        AND (t.element IN ('cmi.core.lesson_status', 'cmi.completion_status', 'cmi.success_status',
                           'cmi.core.score.raw', 'cmi.score.raw')
             OR t.value IN ('completed', 'passed'))
      ORDER BY t.id`,
    [userid, scormid],
  );
  return { scorm, scoIds, attempts, tracks };
}

/** scorm_grade_user over what is stored: every scorm_scoes row, the user's attempt numbers and graded values. */
export function scormGradeUser(db: TwinDb, scormid: number, userid: number): number | null {
  const inputs = gradingInputs(db, scormid, userid);
  return inputs ? gradeUser(inputs.scorm, inputs.scoIds, inputs.attempts, inputs.tracks) : null;
}

/** scorm_get_user_grades: one raw grade per user with an attempt (all users, or the one given); false when none. */
export function scormGetUserGrades(db: TwinDb, scormid: number, userid = 0): RawGrade[] | false {
  const users = userid
    ? db.get(`SELECT attemptid FROM ${db.tracks.attempts} a WHERE scormid = ? AND userid = ? LIMIT 1`, [
        scormid,
        userid,
      ])
      ? [userid]
      : []
    : db
        .all<{ userid: number }>(`SELECT DISTINCT userid FROM ${db.tracks.attempts} a WHERE scormid = ?`, [
          scormid,
        ])
        .map((r) => r.userid);
  if (users.length === 0) return false;
  return users.map((u) => ({ userid: u, rawgrade: scormGradeUser(db, scormid, u) }));
}

/** scorm_grade_item_update(scorm, grades): the item from the activity's settings, and the grades if given. */
export function scormGradeItemUpdate(
  db: TwinDb,
  scormid: number,
  grades: readonly RawGrade[] = [],
  usermodified: number | null = null,
  reset = false,
  actor: Actor | null = null,
): void {
  const scorm = scormRow(db, scormid);
  if (!scorm) return;
  new Gradebook(db, actor).update(
    scorm.course,
    scorm.id,
    gradeItemParams(db, scorm),
    grades,
    usermodified,
    reset,
  );
}

/**
 * scorm_update_grades(scorm, userid = 0 for everyone, nullifnone): grades found → item and grades updated, then
 * completion told COMPLETE is possible; none for a given user → a null grade and completion told INCOMPLETE.
 */
export function scormUpdateGrades(
  db: TwinDb,
  scormid: number,
  userid = 0,
  nullifnone = true,
  usermodified: number | null = userid || null,
  actor: Actor | null = null,
): void {
  const grades = scormGetUserGrades(db, scormid, userid);
  const completion = new Completion(db, actor);
  if (grades) {
    scormGradeItemUpdate(db, scormid, grades, usermodified, false, actor);
    for (const g of grades) completion.updateState(scormid, g.userid, COMPLETION_COMPLETE);
  } else if (userid && nullifnone) {
    scormGradeItemUpdate(db, scormid, [{ userid, rawgrade: null }], usermodified, false, actor);
    completion.updateState(scormid, userid, COMPLETION_INCOMPLETE);
  } else {
    scormGradeItemUpdate(db, scormid);
  }
}

/**
 * scorm_update_instance's grading part, after the activity's settings changed: the item follows the settings and
 * every user with an attempt is regraded (and completion re-checked).
 */
export function scormInstanceUpdated(db: TwinDb, scormid: number): void {
  scormGradeItemUpdate(db, scormid);
  scormUpdateGrades(db, scormid, 0, true, null);
}

/**
 * What scorm_insert_track does after storing `element` = `value` for `userid` (§2.3 step 4): a score.raw, or a status
 * of completed/passed, recomputes the user's grade and through it completion. Other elements change nothing.
 */
export function afterTrackStored(
  db: TwinDb,
  track: { userid: number; scormid: number; element: string; value: string },
  actor: Actor | null = null,
): void {
  if (!triggersGradeUpdate(track.element, track.value)) return;
  scormUpdateGrades(db, track.scormid, track.userid, true, track.userid, actor);
}
