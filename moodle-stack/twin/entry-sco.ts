// Which SCO the view page launches, as mod_scorm's scorm_get_toc decides it for Enter (scorm_print_launch) and for
// skipview (scorm_simple_play), Moodle 4.5.6 locallib.php: in the learner's last attempt, the first visible
// launchable SCO that has no tracks or whose status is "not attempted", "incomplete", "browsed" or empty; else the
// first launchable SCO. `incomplete` says whether any visible launchable SCO is in that state (a new attempt is only
// forced "on complete" when none is).
import type { Activities } from "./activities.ts";
import { lastAttemptNumber } from "./attempts.ts";
import type { TwinDb } from "./db.ts";

const INCOMPLETE = new Set(["", "not attempted", "incomplete", "browsed"]);

export interface EntrySco {
  scoid: number;
  incomplete: boolean;
}

export function entrySco(
  db: TwinDb,
  activities: Activities,
  scormid: number,
  userid: number,
): EntrySco | undefined {
  const scoes = activities.scoes(scormid).filter((s) => s.launch);
  if (scoes.length === 0) return undefined;
  const attempt = lastAttemptNumber(db, userid, scormid);
  // The last stored lesson_status / completion_status of each SCO ("" once it has any tracks without one).
  const status = new Map<number, string>();
  for (const row of db.all<{ scoid: number; element: string; value: string }>(
    `SELECT t.scoid, t.element, t.value FROM ${db.tracks.values} t
      WHERE t.userid = ? AND t.scormid = ? AND t.attempt = ? ORDER BY t.id`,
    [userid, scormid, attempt],
  )) {
    if (row.element === "cmi.core.lesson_status" || row.element === "cmi.completion_status")
      status.set(row.scoid, row.value);
    else if (!status.has(row.scoid)) status.set(row.scoid, "");
  }
  let target: number | undefined;
  let incomplete = false;
  for (const sco of scoes) {
    if (activities.scoData(sco.id).isvisible === "false") continue;
    const current = status.get(sco.id);
    if (current === undefined || INCOMPLETE.has(current)) {
      incomplete = true;
      target ??= sco.id;
    }
  }
  return { scoid: target ?? scoes[0]!.id, incomplete };
}
