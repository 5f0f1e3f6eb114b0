// The tracks a teacher's report, export and dashboard show: one row per stored scorm_scoes_value of an activity
// (learner × attempt × SCO × element), values opened with the site key. A value that cannot be decrypted stops
// the report with encryption_decryptfailed / encryption_keynotfound: a teacher never sees ciphertext or garbage.
import { LmsApiError } from "./api-error.ts";
import type { TwinDb } from "./db.ts";
import { tryOpenValue, type AtRest } from "./sealed-values.ts";

export interface ReportTrack {
  userid: number;
  username: string;
  fullname: string;
  attempt: number;
  scoid: number;
  sco: string;
  element: string;
  value: string;
  timemodified: number;
}

export interface ReportFilter {
  userid?: number;
  attempt?: number;
  scoid?: number;
}

type StoredRow = Omit<ReportTrack, "value"> & { stored: string; [key: string]: string | number };

export function reportTracks(
  db: TwinDb,
  atRest: AtRest,
  scormid: number,
  filter: ReportFilter = {},
): ReportTrack[] {
  const where = ["a.scormid = ?"];
  const params: number[] = [scormid];
  for (const [column, value] of [
    ["a.userid", filter.userid],
    ["a.attempt", filter.attempt],
    ["v.scoid", filter.scoid],
  ] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  const rows = db.all<StoredRow>(
    `SELECT a.userid, u.username, TRIM(CONCAT(u.firstname, ' ', u.lastname)) AS fullname, a.attempt, v.scoid,
            s.identifier AS sco, e.element, v.value AS stored, v.timemodified
       FROM mdl_scorm_scoes_value v
       JOIN mdl_scorm_attempt a ON a.id = v.attemptid
       JOIN mdl_scorm_element e ON e.id = v.elementid
       JOIN mdl_scorm_scoes s ON s.id = v.scoid
       JOIN mdl_user u ON u.id = a.userid
      WHERE ${where.join(" AND ")}
      ORDER BY u.lastname, u.firstname, a.userid, a.attempt, s.sortorder, v.scoid, v.id`,
    params,
  );
  return rows.map(({ stored, ...row }) => {
    const opened = tryOpenValue(atRest, stored);
    if (!opened.ok) throw new LmsApiError(opened.error.errorcode, opened.error.message);
    return { ...row, value: opened.value };
  });
}
