// scorm_insert_track for the 4.3+ schema: attempts, the global element dictionary, and upserts that touch a
// value (and its timemodified) only when it changes; x.start.time is written once and never updated.
import type { TwinDb } from "./db.ts";

const now = (): number => Math.floor(Date.now() / 1000);

export class Tracks {
  constructor(private readonly db: TwinDb) {}

  /** scorm_get_attempt(): the attempt row for (user, scorm, number), created when missing. */
  attemptId(userid: number, scormid: number, attempt: number): number {
    const row = this.db.get<{ id: number }>(
      "SELECT id FROM mdl_scorm_attempt WHERE userid = ? AND scormid = ? AND attempt = ? ORDER BY id LIMIT 1",
      [userid, scormid, attempt],
    );
    return row ? row.id : this.db.insert("mdl_scorm_attempt", { userid, scormid, attempt });
  }

  /** The highest attempt number of a user (scorm_get_last_attempt), 1 when there is none. */
  lastAttempt(userid: number, scormid: number): number {
    const row = this.db.get<{ n: number | null }>(
      "SELECT MAX(attempt) AS n FROM mdl_scorm_attempt WHERE userid = ? AND scormid = ?",
      [userid, scormid],
    );
    return row?.n ?? 1;
  }

  private elementId(element: string): number {
    const row = this.db.get<{ id: number }>("SELECT id FROM mdl_scorm_element WHERE element = ?", [element]);
    return row ? row.id : this.db.insert("mdl_scorm_element", { element });
  }

  insertTrack(attemptid: number, scoid: number, element: string, value: string): void {
    const elementid = this.elementId(element);
    const existing = this.db.get<{ id: number; value: string }>(
      "SELECT id, value FROM mdl_scorm_scoes_value WHERE attemptid = ? AND scoid = ? AND elementid = ? ORDER BY id LIMIT 1",
      [attemptid, scoid, elementid],
    );
    if (!existing) {
      this.db.insert("mdl_scorm_scoes_value", { scoid, attemptid, elementid, value, timemodified: now() });
      return;
    }
    if (element === "x.start.time" || existing.value === value) return;
    this.db.run("UPDATE mdl_scorm_scoes_value SET value = ?, timemodified = ? WHERE id = ?", [
      value,
      now(),
      existing.id,
    ]);
  }

  /** Every stored (element, value) of one SCO in one attempt, in insertion order. */
  values(attemptid: number, scoid: number): Array<{ element: string; value: string }> {
    return this.db.all<{ element: string; value: string }>(
      `SELECT e.element, v.value FROM mdl_scorm_scoes_value v
         JOIN mdl_scorm_element e ON e.id = v.elementid
        WHERE v.attemptid = ? AND v.scoid = ? ORDER BY v.id`,
      [attemptid, scoid],
    );
  }
}
