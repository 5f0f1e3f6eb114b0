// The teacher side of the plugin (moodle-scorm-contract §6): the report per learner / attempt / SCO, its download,
// the live dashboard's rows (mod/scorm:viewreport), and deleting attempts or resetting the course
// (mod/scorm:deleteresponses). Values are decrypted only here, for users holding the report capability.
import { requireActivityAccess } from "./access-rules.ts";
import type { Activities, ScormActivity } from "./activities.ts";
import { LmsApiError } from "./api-error.ts";
import { deleteAttemptsInScope, type ResetScope } from "./attempt-reset.ts";
import { courseContext, moduleContext } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import { EDULEVEL_TEACHING, logEvent, type Actor } from "./log-store.ts";
import { reportTracks, type ReportFilter, type ReportTrack } from "./report-tracks.ts";
import { attemptDeleted } from "./scorm-events.ts";
import type { AtRest } from "./sealed-values.ts";
import { exportBody, exportFilename } from "./track-export.ts";

export const VIEWREPORT_CAPABILITY = "mod/scorm:viewreport";
export const DELETERESPONSES_CAPABILITY = "mod/scorm:deleteresponses";

export interface TeacherApiDeps {
  db: TwinDb;
  activities: Activities;
  atRest: () => AtRest;
}

/** One learner's latest attempt on one SCO, as the live dashboard shows it. */
export interface DashboardRow {
  userid: number;
  username: string;
  fullname: string;
  attempt: number;
  scoid: number;
  sco: string;
  status: string;
  score: string;
}

const STATUS_12 = "cmi.core.lesson_status";
const SCORES = new Set(["cmi.core.score.raw", "cmi.score.raw"]);

/** A learner's status on a SCO: 1.2 lesson_status; 2004 success_status when decided, else completion_status. */
function statusOf(tracks: readonly ReportTrack[]): string {
  const value = (element: string): string => tracks.find((t) => t.element === element)?.value ?? "";
  const success = value("cmi.success_status");
  if (success === "passed" || success === "failed") return success;
  return value(STATUS_12) || value("cmi.completion_status");
}

export class TeacherApi {
  constructor(private readonly deps: TeacherApiDeps) {}

  private activity(userid: number, cmid: number, capability: string): ScormActivity {
    const activity = this.deps.activities.byCmid(cmid);
    if (!activity)
      throw new LmsApiError("invalidrecord", "No external SCORM activity with that course module id");
    requireActivityAccess(
      this.deps.db,
      userid,
      { courseid: activity.course, context: moduleContext(this.deps.db, cmid) },
      capability,
    );
    return activity;
  }

  /** The report's tracks (report.php, fires report_viewed). */
  report(actor: Actor, cmid: number, filter: ReportFilter = {}): ReportTrack[] {
    const activity = this.activity(actor.userid, cmid, VIEWREPORT_CAPABILITY);
    const tracks = reportTracks(this.deps.db, this.deps.atRest(), activity.scormid, filter);
    logEvent(this.deps.db, actor, {
      eventname: "\\mod_scorm\\event\\report_viewed",
      crud: "r",
      edulevel: EDULEVEL_TEACHING,
      context: moduleContext(this.deps.db, cmid),
      courseid: activity.course,
      other: { scormid: activity.scormid, mode: "basic" },
    });
    return tracks;
  }

  /** The report's download (report.php?download=CSV). */
  exportTracks(userid: number, cmid: number): { filename: string; body: string } {
    const activity = this.activity(userid, cmid, VIEWREPORT_CAPABILITY);
    const names = this.deps.db.get<{ shortname: string; name: string }>(
      "SELECT c.shortname, s.name FROM mdl_scorm s JOIN mdl_course c ON c.id = s.course WHERE s.id = ?",
      [activity.scormid],
    );
    return {
      filename: exportFilename(names?.shortname ?? "", names?.name ?? ""),
      body: exportBody(reportTracks(this.deps.db, this.deps.atRest(), activity.scormid)),
    };
  }

  /** The dashboard's rows for a user holding the report capability. */
  dashboard(userid: number, cmid: number): DashboardRow[] {
    this.activity(userid, cmid, VIEWREPORT_CAPABILITY);
    return this.dashboardRows(cmid);
  }

  /** Every learner's (or one learner's) latest attempt per SCO; for a dashboard already authorized. */
  dashboardRows(cmid: number, learnerid?: number): DashboardRow[] {
    const activity = this.deps.activities.byCmid(cmid);
    if (!activity) return [];
    const tracks = reportTracks(this.deps.db, this.deps.atRest(), activity.scormid, { userid: learnerid });
    const last = new Map<number, number>();
    for (const t of tracks) last.set(t.userid, Math.max(last.get(t.userid) ?? 0, t.attempt));
    const groups = new Map<string, ReportTrack[]>();
    for (const t of tracks) {
      if (t.attempt !== last.get(t.userid)) continue;
      const key = `${t.userid}:${t.scoid}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    return [...groups.values()].map((group) => {
      const first = group[0]!;
      return {
        userid: first.userid,
        username: first.username,
        fullname: first.fullname,
        attempt: first.attempt,
        scoid: first.scoid,
        sco: first.sco,
        status: statusOf(group),
        score: group.find((t) => SCORES.has(t.element))?.value ?? "",
      };
    });
  }

  /**
   * scorm_delete_responses from the report: one attempt of a learner, all of a learner's attempts, or (no learner)
   * every attempt of the activity; one attempt_deleted event per attempt. Returns how many attempts went.
   */
  deleteAttempts(actor: Actor, cmid: number, target: { learnerid?: number; attempt?: number } = {}): number {
    const activity = this.activity(actor.userid, cmid, DELETERESPONSES_CAPABILITY);
    const scope: ResetScope =
      target.learnerid === undefined
        ? { kind: "activity", scormid: activity.scormid }
        : { kind: "learner", scormid: activity.scormid, userid: target.learnerid, attempt: target.attempt };
    const deleted = deleteAttemptsInScope(this.deps.db, scope, actor.userid);
    const ref = { cmid, courseid: activity.course, scormid: activity.scormid };
    for (const a of deleted) attemptDeleted(this.deps.db, actor, ref, a.userid, a.attempt);
    return deleted.length;
  }

  /** Course reset with "All SCORM attempts" ticked (scorm_reset_userdata). */
  resetCourse(actor: Actor, courseid: number): number {
    requireActivityAccess(
      this.deps.db,
      actor.userid,
      { courseid, context: courseContext(this.deps.db, courseid) },
      DELETERESPONSES_CAPABILITY,
    );
    return deleteAttemptsInScope(this.deps.db, { kind: "course", courseid }, actor.userid).length;
  }
}
