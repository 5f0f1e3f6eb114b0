// mod/scorm/view.php on the twin (moodle-scorm-contract §1 row 1): the activity's entry page. A signed-in user
// with access to the course gets the page and, as mod_scorm's scorm_view() does, one
// \mod_scorm\event\course_module_viewed per visit (completion "viewed" is not marked here: player.php does that).
// Nobody signed in is sent to the login form; no access to the course answers 403 with the reason.
import express, { type Request, type Response } from "express";
import { requireCourseAccess } from "./access-rules.ts";
import type { Activities } from "./activities.ts";
import { attemptStatus } from "./attempt-status.ts";
import { attemptIsComplete, lastAttemptNumber } from "./attempts.ts";
import { hasCapability } from "./capabilities.ts";
import { moduleContext } from "./contexts.ts";
import { entrySco, type EntrySco } from "./entry-sco.ts";
import type { TwinDb } from "./db.ts";
import { escapeHtml } from "./html.ts";
import { isLmsApiError } from "./lms-api.ts";
import { courseModuleViewed } from "./scorm-events.ts";
import type { Session } from "./sessions.ts";
import { viewPage } from "./view-page.ts";

export interface ViewRoutesDeps {
  db: TwinDb;
  activities: Activities;
  session: (req: Request) => Session | undefined;
}

export const VIEW_PATH = "/mod/scorm/view.php";

const firstLaunchable = (activities: Activities, scormid: number): number =>
  activities.scoes(scormid).find((x) => x.launch)!.id;

/**
 * scorm_simple_play: with skipview set ("first time" while the user has no attempt, or "always"), a user who may
 * skip the view page (mod/scorm:skipview) and does not see reports (mod/scorm:viewreport) goes straight to the
 * player, with a new attempt when one is forced (always, or on complete once nothing is incomplete). ?preventskip
 * shows the page anyway. Null: show the page.
 */
function skipViewTarget(
  db: TwinDb,
  req: Request,
  userid: number,
  cmid: number,
  scormid: number,
  scorm: { skipview: number; forcenewattempt: number },
  entry: EntrySco,
): { newAttempt: boolean } | null {
  if (scorm.skipview < 1 || req.query.preventskip !== undefined) return null;
  const context = moduleContext(db, cmid);
  if (!hasCapability(db, "mod/scorm:skipview", context, userid)) return null;
  if (hasCapability(db, "mod/scorm:viewreport", context, userid)) return null;
  const hasAttempt = db.get(
    `SELECT 1 AS x FROM ${db.tracks.attempts} a WHERE userid = ? AND scormid = ? LIMIT 1`,
    [userid, scormid],
  );
  if (scorm.skipview !== 2 && hasAttempt) return null;
  return { newAttempt: scorm.forcenewattempt === 2 || (!entry.incomplete && scorm.forcenewattempt === 1) };
}

export function viewRouter(deps: ViewRoutesDeps): express.Router {
  const router = express.Router();
  router.get(VIEW_PATH, (req: Request, res: Response) => {
    const s = deps.session(req);
    if (!s) {
      res.redirect(303, `/login/index.php?returnto=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const cmid = Number(req.query.id);
    const activity = Number.isSafeInteger(cmid) ? deps.activities.byCmid(cmid) : undefined;
    const entry = activity && entrySco(deps.db, deps.activities, activity.scormid, s.userid);
    if (!activity || !entry) {
      res.status(404).type("text/plain").send("Activity not found");
      return;
    }
    try {
      requireCourseAccess(deps.db, s.userid, activity.course);
    } catch (error) {
      if (!isLmsApiError(error)) throw error;
      res
        .status(403)
        .type("html")
        .send(`<!doctype html><title>Access refused</title><p role="alert">${escapeHtml(error.message)}</p>`);
      return;
    }
    const scorm = deps.db.get<{
      name: string;
      maxattempt: number;
      displayattemptstatus: number;
      skipview: number;
      forcenewattempt: number;
    }>(
      "SELECT name, maxattempt, displayattemptstatus, skipview, forcenewattempt FROM mdl_scorm WHERE id = ?",
      [activity.scormid],
    );
    // Enter (scorm_print_launch) opens the first incomplete SCO unless a new attempt is always forced.
    const scoid =
      scorm?.forcenewattempt === 2 ? firstLaunchable(deps.activities, activity.scormid) : entry.scoid;
    const organization = deps.db.get<{ organization: string }>(
      "SELECT organization FROM mdl_scorm_scoes WHERE id = ?",
      [scoid],
    );
    courseModuleViewed(
      deps.db,
      { userid: s.userid, ip: req.ip ?? "" },
      { cmid, courseid: activity.course, scormid: activity.scormid },
    );
    const skipTo = scorm && skipViewTarget(deps.db, req, s.userid, cmid, activity.scormid, scorm, entry);
    if (skipTo) {
      const target = new URLSearchParams({ cm: String(cmid), currentorg: organization?.organization ?? "" });
      target.set("scoid", String(scoid));
      if (skipTo.newAttempt) target.set("newattempt", "on");
      res.redirect(303, `/mod/scorm/player.php?${target.toString()}`);
      return;
    }
    const maxattempt = scorm?.maxattempt ?? 1;
    const last = lastAttemptNumber(deps.db, s.userid, activity.scormid);
    const made =
      deps.db.get<{ n: number }>(
        `SELECT COUNT(DISTINCT t.attempt) AS n FROM ${deps.db.tracks.values} t WHERE t.userid = ? AND t.scormid = ?`,
        [s.userid, activity.scormid],
      )?.n ?? 0;
    const showStatus = (scorm?.displayattemptstatus ?? 1) !== 0;
    res.setHeader(
      "Content-Security-Policy",
      "default-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    );
    res.type("html").send(
      viewPage({
        name: scorm?.name ?? "",
        cmid,
        scoid,
        currentorg: organization?.organization ?? "",
        attemptStatus: showStatus ? (attemptStatus(deps.db, activity.scormid, s.userid) ?? null) : null,
        offerNewAttempt:
          made > 0 &&
          (maxattempt === 0 || last < maxattempt) &&
          attemptIsComplete(deps.db, s.userid, activity.scormid, last),
      }),
    );
  });
  return router;
}
