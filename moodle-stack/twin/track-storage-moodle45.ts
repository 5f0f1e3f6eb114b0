// mod_scorm's tracking tables since Moodle 4.3 (moodle-scorm-contract §2.2): attempts in scorm_attempt, element
// names in the global scorm_element dictionary, values in scorm_scoes_value. An attempt exists from its first
// scorm_get_attempt() (the player creates it), values or not.
import { int, char, table, text, type TableSpec } from "./table-spec.ts";
import { StoredTracks, type AttemptRef } from "./track-storage.ts";

export const MOODLE45_TRACK_TABLES: readonly TableSpec[] = [
  table(
    "mdl_scorm_attempt",
    { userid: int(), scormid: int(), attempt: int(1) },
    [],
    [["userid"], ["scormid"]],
  ),
  table("mdl_scorm_element", { element: char(255) }, [["element"]]),
  table(
    "mdl_scorm_scoes_value",
    { scoid: int(), attemptid: int(), elementid: int(), value: text(), timemodified: int(0) },
    [],
    [["attemptid"], ["scoid"], ["elementid"]],
  ),
];

/** Every stored value with its learner, activity, attempt number and element (TrackStorage.values). */
export const MOODLE45_VALUES = `(SELECT v.id, a.userid, a.scormid, v.scoid, a.attempt, a.id AS attemptid, e.element, v.value,
                             v.timemodified
                        FROM mdl_scorm_scoes_value v
                        JOIN mdl_scorm_attempt a ON a.id = v.attemptid
                        JOIN mdl_scorm_element e ON e.id = v.elementid)`;

export class Moodle45Tracks extends StoredTracks {
  readonly schema = "4.5";
  readonly valueTable = "scorm_scoes_value";
  readonly values = MOODLE45_VALUES;
  readonly attempts = "(SELECT id AS attemptid, userid, scormid, attempt FROM mdl_scorm_attempt)";

  attemptId(userid: number, scormid: number, attempt: number): number {
    const row = this.db.get<{ id: number }>(
      "SELECT id FROM mdl_scorm_attempt WHERE userid = ? AND scormid = ? AND attempt = ? ORDER BY id LIMIT 1",
      [userid, scormid, attempt],
    );
    return row ? row.id : this.db.insert("mdl_scorm_attempt", { userid, scormid, attempt });
  }

  attemptExists(attempt: AttemptRef): boolean {
    return !!this.db.get("SELECT id FROM mdl_scorm_attempt WHERE id = ?", [attempt.attemptid]);
  }

  deleteAttempt(attempt: AttemptRef): void {
    this.db.run("DELETE FROM mdl_scorm_scoes_value WHERE attemptid = ?", [attempt.attemptid]);
    this.db.run("DELETE FROM mdl_scorm_attempt WHERE id = ?", [attempt.attemptid]);
  }

  protected findValue(attempt: AttemptRef, scoid: number, element: string) {
    return this.db.get<{ id: number; value: string }>(
      `SELECT v.id, v.value FROM mdl_scorm_scoes_value v JOIN mdl_scorm_element e ON e.id = v.elementid
        WHERE v.attemptid = ? AND v.scoid = ? AND e.element = ? ORDER BY v.id LIMIT 1`,
      [attempt.attemptid, scoid, element],
    );
  }

  protected insertValue(
    attempt: AttemptRef,
    scoid: number,
    element: string,
    value: string,
    timemodified: number,
  ) {
    this.db.insert("mdl_scorm_scoes_value", {
      scoid,
      attemptid: attempt.attemptid,
      elementid: this.elementId(element),
      value,
      timemodified,
    });
  }

  /** scorm_get_elementid(): the element's dictionary id, created when missing. */
  private elementId(element: string): number {
    const row = this.db.get<{ id: number }>("SELECT id FROM mdl_scorm_element WHERE element = ?", [element]);
    return row ? row.id : this.db.insert("mdl_scorm_element", { element });
  }
}
