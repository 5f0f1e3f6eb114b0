// The tracks a teacher's report, export and dashboard show: one row per stored value of an activity
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
  const where = ["t.scormid = ?"];
  const params: number[] = [scormid];
  for (const [column, value] of [
    ["t.userid", filter.userid],
    ["t.attempt", filter.attempt],
    ["t.scoid", filter.scoid],
  ] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  const rows = db.all<StoredRow>(
    `SELECT t.userid, u.username, TRIM(CONCAT(u.firstname, ' ', u.lastname)) AS fullname, t.attempt, t.scoid,
            s.identifier AS sco, t.element, t.value AS stored, t.timemodified
       FROM ${db.tracks.values} t
       JOIN mdl_scorm_scoes s ON s.id = t.scoid
       JOIN mdl_user u ON u.id = t.userid
      WHERE ${where.join(" AND ")}
      ORDER BY u.lastname, u.firstname, t.userid, t.attempt, s.sortorder, t.scoid, t.id`,
    params,
  );
  return rows.map(({ stored, ...row }) => {
    const opened = tryOpenValue(atRest, stored);
    if (!opened.ok) throw new LmsApiError(opened.error.errorcode, opened.error.message);
    return { ...row, value: opened.value };
  });
}
