// mod_scorm's tracking storage as one interface over the two schemas Moodle has had (moodle-scorm-contract §2.1,
// §2.2): 4.1/4.2 keep one scorm_scoes_track row per (userid, scormid, scoid, attempt, element); 4.3+ split it into
// scorm_attempt, scorm_element and scorm_scoes_value. Writers call its methods; readers select from its two
// relations (`values`, `attempts`), which have the same columns on both schemas, so no query is written twice.
import type { TwinDb } from "./db.ts";

/** The Moodle schema the twin's tracking tables follow: 4.5 (the 4.3+ tables) or 4.1 (scorm_scoes_track). */
export type MoodleSchema = "4.5" | "4.1";
export const MOODLE_SCHEMAS: readonly MoodleSchema[] = ["4.5", "4.1"];
export const DEFAULT_MOODLE_SCHEMA: MoodleSchema = "4.5";

/** A Moodle schema from a setting, or an error naming the setting, the bad value and the good ones. */
export function parseMoodleSchema(value: unknown, setting: string): MoodleSchema {
  if (MOODLE_SCHEMAS.includes(value as MoodleSchema)) return value as MoodleSchema;
  throw new Error(
    `${setting}: ${JSON.stringify(value)} is not a Moodle schema (one of ${MOODLE_SCHEMAS.join(", ")})`,
  );
}

/**
 * One attempt of one learner in one activity. `attemptid` is what mod_scorm's scorm_insert_track takes and its
 * events log as `attemptid`: scorm_attempt.id on 4.3+, the attempt number on 4.1.
 */
export interface AttemptRef {
  userid: number;
  scormid: number;
  attemptid: number;
}

export interface TrackStorage {
  readonly schema: MoodleSchema;
  /** The table a stored value lives in, as mod_scorm's track events name it (objecttable). */
  readonly valueTable: "scorm_scoes_value" | "scorm_scoes_track";
  /**
   * A relation (for FROM, give it an alias) of every stored value, columns id (insertion order), userid,
   * scormid, scoid, attempt (number), attemptid, element, value, timemodified.
   */
  readonly values: string;
  /** A relation of every attempt, columns attemptid, userid, scormid, attempt (number). */
  readonly attempts: string;
  /** scorm_get_attempt(): the attemptid of (user, scorm, number); on 4.3+ its scorm_attempt row is created if missing. */
  attemptId(userid: number, scormid: number, attempt: number): number;
  /** attemptId() as the reference the other methods take. */
  attempt(userid: number, scormid: number, attempt: number): AttemptRef;
  /** The highest attempt number of a user (scorm_get_last_attempt), 1 when there is none. */
  lastAttempt(userid: number, scormid: number): number;
  /** scorm_insert_track's storage: inserts, or updates value and timemodified when the value changed; x.start.time never. */
  insertTrack(attempt: AttemptRef, scoid: number, element: string, value: string): void;
  /** Every stored (element, value) of one SCO in one attempt, in insertion order. */
  scoValues(attempt: AttemptRef, scoid: number): Array<{ element: string; value: string }>;
  /**
   * False once the attempt was deleted. 4.1 has no attempt rows (an attempt exists through its values, and a
   * launch may precede them): there, as in the plugin, a deleted attempt is caught by its revoked launches.
   */
  attemptExists(attempt: AttemptRef): boolean;
  /** Deletes the attempt's values (and on 4.3+ its scorm_attempt row). */
  deleteAttempt(attempt: AttemptRef): void;
}

/** What both schemas share: scorm_insert_track's change rule, and the reads written over the two relations. */
export abstract class StoredTracks implements TrackStorage {
  abstract readonly schema: MoodleSchema;
  abstract readonly valueTable: TrackStorage["valueTable"];
  abstract readonly values: string;
  abstract readonly attempts: string;
  abstract attemptId(userid: number, scormid: number, attempt: number): number;
  abstract attemptExists(attempt: AttemptRef): boolean;
  abstract deleteAttempt(attempt: AttemptRef): void;
  /** The stored row of one element of a SCO in an attempt (the first, as mod_scorm's get_record reads it). */
  protected abstract findValue(
    attempt: AttemptRef,
    scoid: number,
    element: string,
  ): { id: number; value: string } | undefined;
  protected abstract insertValue(
    attempt: AttemptRef,
    scoid: number,
    element: string,
    value: string,
    timemodified: number,
  ): void;

  constructor(protected readonly db: TwinDb) {}

  attempt(userid: number, scormid: number, attempt: number): AttemptRef {
    return { userid, scormid, attemptid: this.attemptId(userid, scormid, attempt) };
  }

  lastAttempt(userid: number, scormid: number): number {
    const row = this.db.get<{ n: number | null }>(
      `SELECT MAX(a.attempt) AS n FROM ${this.attempts} a WHERE a.userid = ? AND a.scormid = ?`,
      [userid, scormid],
    );
    return row?.n ?? 1;
  }

  insertTrack(attempt: AttemptRef, scoid: number, element: string, value: string): void {
    const existing = this.findValue(attempt, scoid, element);
    if (!existing) {
      this.insertValue(attempt, scoid, element, value, now());
      return;
    }
    if (element === "x.start.time" || existing.value === value) return;
    this.db.run(`UPDATE mdl_${this.valueTable} SET value = ?, timemodified = ? WHERE id = ?`, [
      value,
      now(),
      existing.id,
    ]);
  }

  scoValues(attempt: AttemptRef, scoid: number): Array<{ element: string; value: string }> {
    return this.db.all<{ element: string; value: string }>(
      `SELECT t.element, t.value FROM ${this.values} t
        WHERE t.userid = ? AND t.scormid = ? AND t.attemptid = ? AND t.scoid = ? ORDER BY t.id`,
      [attempt.userid, attempt.scormid, attempt.attemptid, scoid],
    );
  }
}

const now = (): number => Math.floor(Date.now() / 1000);
