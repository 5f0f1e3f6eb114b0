// The SCORM tracks a test wrote: mod_scorm's stored values (mdl_scorm_scoes_value with its attempt and element on
// Moodle 4.3+, mdl_scorm_scoes_track on the 4.1 schema: the twin's `tracks.values` relation covers both) created or
// modified since the test started (timemodified, which scorm_insert_track sets on both, to the second), read from
// the twin's SQL, the latest rows kept, long values cut. Evidence of a failed test (stored-rows.json).
import type { Row } from "../../moodle-stack/twin/db.ts";

export interface StoredRow {
  id: number;
  userid: number;
  scormid: number;
  scoid: number;
  attempt: number;
  element: string;
  value: string;
  valueLength: number;
  timemodified: number;
}

export interface StoredRowsEvidence {
  since: string;
  /** Rows created or modified since then; only the latest `limit` are listed. */
  total: number;
  rows: StoredRow[];
}

export const STORED_ROWS_LIMITS = { rows: 1_000, value: 1_000 } as const;

/** The twin's read-only SQL (synchronous on SQLite; a promise is awaited as well) and its tracking relation. */
export interface TwinQuery {
  query(sql: string, params: number[]): Row[] | Promise<Row[]>;
  /** The relation of every stored value (TrackStorage.values: id, userid, scormid, scoid, attempt, element, value, timemodified). */
  tracks: { values: string };
}

/** Rows stored since `startedAt` (ms since the epoch). */
export async function storedRowsSince(
  twin: TwinQuery,
  startedAt: number,
  limit: number = STORED_ROWS_LIMITS.rows,
): Promise<StoredRowsEvidence> {
  const since = Math.floor(startedAt / 1000);
  const changedSince = `FROM ${twin.tracks.values} v WHERE v.timemodified >= ?`;
  const params = [since];
  const total = Number((await twin.query(`SELECT COUNT(*) AS n ${changedSince}`, params))[0]?.n ?? 0);
  const latest = await twin.query(
    `SELECT v.id AS id, v.userid AS userid, v.scormid AS scormid, v.scoid AS scoid, v.attempt AS attempt,
            v.element AS element, v.value AS value, v.timemodified AS timemodified
     ${changedSince} ORDER BY v.id DESC LIMIT ?`,
    [...params, limit],
  );
  const rows = latest.reverse().map((r): StoredRow => {
    const value = String(r.value ?? "");
    const max = STORED_ROWS_LIMITS.value;
    return {
      id: Number(r.id),
      userid: Number(r.userid),
      scormid: Number(r.scormid),
      scoid: Number(r.scoid),
      attempt: Number(r.attempt),
      element: String(r.element),
      value: value.length > max ? `${value.slice(0, max)}…(${value.length} chars)` : value,
      valueLength: value.length,
      timemodified: Number(r.timemodified),
    };
  });
  return { since: new Date(since * 1000).toISOString(), total, rows };
}
