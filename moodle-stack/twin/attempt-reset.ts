// Deleting tracking data as mod_scorm does (moodle-scorm-contract §6): scorm_delete_attempt for one attempt or all
// attempts of a learner (values, attempt rows; then scorm_update_grades(..., nullifnone) regrades what is left),
// every attempt of an activity, and course reset (scorm_reset_userdata: every SCORM of the course, its grades
// through scorm_reset_gradebook and completion through core's completion reset). Remaining attempts keep their
// numbers. Launches of deleted attempts are revoked.
import type { TwinDb } from "./db.ts";
import { scormUpdateGrades } from "./grade-updates.ts";
import { revokeLaunches } from "./launch-revocation.ts";
import type { AttemptRef } from "./track-storage.ts";

export type ResetScope =
  | { kind: "learner"; scormid: number; userid: number; attempt?: number }
  | { kind: "activity"; scormid: number }
  | { kind: "course"; courseid: number };

export interface DeletedAttempt extends AttemptRef {
  attempt: number;
}

function attemptsInScope(db: TwinDb, scope: ResetScope): DeletedAttempt[] {
  const columns = `SELECT attemptid, userid, scormid, attempt FROM ${db.tracks.attempts} a`;
  if (scope.kind === "course")
    return db.all<DeletedAttempt & Record<string, number>>(
      `${columns} WHERE scormid IN (SELECT id FROM mdl_scorm WHERE course = ?) ORDER BY scormid, userid, attempt`,
      [scope.courseid],
    );
  if (scope.kind === "activity")
    return db.all<DeletedAttempt & Record<string, number>>(
      `${columns} WHERE scormid = ? ORDER BY userid, attempt`,
      [scope.scormid],
    );
  return db.all<DeletedAttempt & Record<string, number>>(
    `${columns} WHERE scormid = ? AND userid = ? ${scope.attempt === undefined ? "" : "AND attempt = ?"} ORDER BY attempt`,
    scope.attempt === undefined
      ? [scope.scormid, scope.userid]
      : [scope.scormid, scope.userid, scope.attempt],
  );
}

/** Course modules of the scorm instances given. */
function courseModuleIds(db: TwinDb, scormids: readonly number[]): number[] {
  return scormids.flatMap((scormid) =>
    db
      .all<{ id: number }>(
        `SELECT cm.id FROM mdl_course_modules cm JOIN mdl_modules m ON m.id = cm.module AND m.name = 'scorm'
          WHERE cm.instance = ?`,
        [scormid],
      )
      .map((r) => r.id),
  );
}

function deleteCompletion(db: TwinDb, scormid: number, userid: number | null): void {
  for (const cmid of courseModuleIds(db, [scormid]))
    if (userid === null) db.run("DELETE FROM mdl_course_modules_completion WHERE coursemoduleid = ?", [cmid]);
    else
      db.run("DELETE FROM mdl_course_modules_completion WHERE coursemoduleid = ? AND userid = ?", [
        cmid,
        userid,
      ]);
}

/** scorm_reset_gradebook: every grade of the activity's grade item goes. */
function resetGradebook(db: TwinDb, scormid: number): void {
  db.run(
    `DELETE FROM mdl_grade_grades WHERE itemid IN (SELECT id FROM mdl_grade_items
      WHERE itemtype = 'mod' AND itemmodule = 'scorm' AND iteminstance = ?)`,
    [scormid],
  );
}

/** Deletes the attempts in scope with their tracks, grades and completion; returns what was deleted. */
export function deleteAttemptsInScope(
  db: TwinDb,
  scope: ResetScope,
  usermodified: number | null,
): DeletedAttempt[] {
  return db.transaction(() => {
    const deleted = attemptsInScope(db, scope);
    for (const a of deleted) db.tracks.deleteAttempt(a);
    revokeLaunches(db, deleted);
    if (scope.kind === "course") {
      const scormids = db
        .all<{ id: number }>("SELECT id FROM mdl_scorm WHERE course = ?", [scope.courseid])
        .map((r) => r.id);
      for (const scormid of scormids) {
        resetGradebook(db, scormid);
        deleteCompletion(db, scormid, null);
      }
      return deleted;
    }
    const learners = new Map(deleted.map((a) => [`${a.scormid}:${a.userid}`, a]));
    for (const a of learners.values()) {
      scormUpdateGrades(db, a.scormid, a.userid, true, usermodified);
      const left = db.get(`SELECT attemptid FROM ${db.tracks.attempts} a WHERE scormid = ? AND userid = ?`, [
        a.scormid,
        a.userid,
      ]);
      if (!left) deleteCompletion(db, a.scormid, a.userid);
    }
    return deleted;
  });
}
