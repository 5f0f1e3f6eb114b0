// mod_scorm's tracking table up to Moodle 4.2 (moodle-scorm-contract §2.1): one scorm_scoes_track row per
// (userid, scormid, scoid, attempt, element), the attempt number stored as is. There are no attempt rows: an
// attempt exists through its values, and its attemptid (what scorm_insert_track takes and events log) is its number.
import { char, int, table, text, type TableSpec } from "./table-spec.ts";
import { StoredTracks, type AttemptRef } from "./track-storage.ts";

export const MOODLE41_TRACK_TABLES: readonly TableSpec[] = [
  table(
    "mdl_scorm_scoes_track",
    {
      userid: int(0),
      scormid: int(0),
      scoid: int(0),
      attempt: int(1),
      element: char(255),
      value: text(),
      timemodified: int(0),
    },
    [["userid", "scormid", "scoid", "attempt", "element"]],
    [["userid"], ["scormid"], ["scoid"]],
  ),
];

/** Every stored value with its learner, activity, attempt number and element (TrackStorage.values). */
export const MOODLE41_VALUES = `(SELECT id, userid, scormid, scoid, attempt, attempt AS attemptid, element, value,
                                  timemodified
                             FROM mdl_scorm_scoes_track)`;

export class Moodle41Tracks extends StoredTracks {
  readonly schema = "4.1";
  readonly valueTable = "scorm_scoes_track";
  readonly values = MOODLE41_VALUES;
  readonly attempts =
    "(SELECT DISTINCT attempt AS attemptid, userid, scormid, attempt FROM mdl_scorm_scoes_track)";

  attemptId(_userid: number, _scormid: number, attempt: number): number {
    return attempt;
  }

  attemptExists(_attempt: AttemptRef): boolean {
    return true;
  }

  deleteAttempt(attempt: AttemptRef): void {
    this.db.run("DELETE FROM mdl_scorm_scoes_track WHERE userid = ? AND scormid = ? AND attempt = ?", [
      attempt.userid,
      attempt.scormid,
      attempt.attemptid,
    ]);
  }

  protected findValue(attempt: AttemptRef, scoid: number, element: string) {
    return this.db.get<{ id: number; value: string }>(
      `SELECT id, value FROM mdl_scorm_scoes_track
        WHERE userid = ? AND scormid = ? AND scoid = ? AND attempt = ? AND element = ?`,
      [attempt.userid, attempt.scormid, scoid, attempt.attemptid, element],
    );
  }

  protected insertValue(
    attempt: AttemptRef,
    scoid: number,
    element: string,
    value: string,
    timemodified: number,
  ) {
    this.db.insert("mdl_scorm_scoes_track", {
      userid: attempt.userid,
      scormid: attempt.scormid,
      scoid,
      attempt: attempt.attemptid,
      element,
      value,
      timemodified,
    });
  }
}
