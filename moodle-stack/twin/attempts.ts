// Which attempt the player opens (mod_scorm's scorm_check_mode, moodle-scorm-contract §1.1 and §2.5): the last
// attempt, or a new one when the learner asks for it (newattempt=on) or the activity forces it, only once the last
// attempt is complete (every SCO has a lesson_status/completion_status of completed, passed or failed) and the
// attempt limit (maxattempt, 0 = unlimited) is not reached; forcenewattempt=always starts one on every entry
// unless nothing is stored yet.
import type { TwinDb } from "./db.ts";

export const SCORM_FORCEATTEMPT_NO = 0;
export const SCORM_FORCEATTEMPT_ONCOMPLETE = 1;
export const SCORM_FORCEATTEMPT_ALWAYS = 2;

const FINAL_STATUSES = ["completed", "passed", "failed"];
const STATUS_ELEMENTS = ["cmi.core.lesson_status", "cmi.completion_status"];

export interface AttemptSettings {
  maxattempt: number;
  forcenewattempt: number;
}

export function lastAttemptNumber(db: TwinDb, userid: number, scormid: number): number {
  return db.tracks.lastAttempt(userid, scormid);
}

function storedValueCount(db: TwinDb, userid: number, scormid: number, attempt: number): number {
  const row = db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${db.tracks.values} t WHERE t.userid = ? AND t.scormid = ? AND t.attempt = ?`,
    [userid, scormid, attempt],
  );
  return row?.n ?? 0;
}

/** Every launchable SCO of the activity has a final status in this attempt. */
export function attemptIsComplete(db: TwinDb, userid: number, scormid: number, attempt: number): boolean {
  const row = db.get<{ open: number }>(
    `SELECT COUNT(*) AS open FROM mdl_scorm_scoes s
      WHERE s.scorm = ? AND s.scormtype = 'sco' AND NOT EXISTS (
        SELECT 1 FROM ${db.tracks.values} t
         WHERE t.scoid = s.id AND t.userid = ? AND t.scormid = s.scorm AND t.attempt = ?
           AND t.element IN (${STATUS_ELEMENTS.map(() => "?").join(",")})
           AND t.value IN (${FINAL_STATUSES.map(() => "?").join(",")}))`,
    [scormid, userid, attempt, ...STATUS_ELEMENTS, ...FINAL_STATUSES],
  );
  return (row?.open ?? 1) === 0;
}

/** The attempt number the player opens for this entry. */
export function playerAttempt(
  db: TwinDb,
  userid: number,
  scormid: number,
  settings: AttemptSettings,
  newattempt: boolean,
): number {
  const last = lastAttemptNumber(db, userid, scormid);
  const belowLimit = settings.maxattempt === 0 || last < settings.maxattempt;
  if (settings.forcenewattempt === SCORM_FORCEATTEMPT_ALWAYS)
    return belowLimit && storedValueCount(db, userid, scormid, last) > 0 ? last + 1 : last;
  const wantsNew = newattempt || settings.forcenewattempt === SCORM_FORCEATTEMPT_ONCOMPLETE;
  return wantsNew && belowLimit && attemptIsComplete(db, userid, scormid, last) ? last + 1 : last;
}
