// Mutant (P27): deletes tracks, attempts and launches in scope but leaves the gradebook and activity completion as
// they were, so a reset learner keeps their old grade and completion.
import type { TwinDb } from "../../../moodle-stack/twin/db.ts";
import { revokeLaunches } from "../../../moodle-stack/twin/launch-revocation.ts";
import type { DeletedAttempt, ResetScope } from "../../../moodle-stack/twin/attempt-reset.ts";

export type { DeletedAttempt, ResetScope };

export function deleteAttemptsInScope(
  db: TwinDb,
  scope: ResetScope,
  _usermodified: number | null,
): DeletedAttempt[] {
  const where =
    scope.kind === "course"
      ? { sql: "scormid IN (SELECT id FROM mdl_scorm WHERE course = ?)", params: [scope.courseid] }
      : scope.kind === "activity"
        ? { sql: "scormid = ?", params: [scope.scormid] }
        : scope.attempt === undefined
          ? { sql: "scormid = ? AND userid = ?", params: [scope.scormid, scope.userid] }
          : {
              sql: "scormid = ? AND userid = ? AND attempt = ?",
              params: [scope.scormid, scope.userid, scope.attempt],
            };
  return db.transaction(() => {
    const deleted = db.all<DeletedAttempt & Record<string, number>>(
      `SELECT attemptid, userid, scormid, attempt FROM ${db.tracks.attempts} a WHERE ${where.sql}
        ORDER BY scormid, userid, attempt`,
      where.params,
    );
    for (const a of deleted) db.tracks.deleteAttempt(a);
    revokeLaunches(db, deleted);
    return deleted;
  });
}
