// The teacher's web pages over the plugin's TeacherApi: report.php (view, download, delete attempts), course
// reset, and the live dashboard with its event stream. A refusal answers 403 with the reason and leaves one
// request_refused event, as the LMS API does (P24); a value that cannot be decrypted answers 500 with the error.
import express, { type Request, type Response } from "express";
import { courseContext, moduleContext, systemContext, type ContextRow } from "./contexts.ts";
import type { DashboardHub } from "./dashboard-hub.ts";
import { DASHBOARD_SCRIPT } from "./dashboard-script.ts";
import type { TwinDb } from "./db.ts";
import { isLmsApiError, type LmsApi } from "./lms-api.ts";
import type { Actor } from "./log-store.ts";
import { logRefusal } from "./refusal-log.ts";
import type { Session } from "./sessions.ts";
import { hasCapability } from "./capabilities.ts";
import { DELETERESPONSES_CAPABILITY } from "./teacher-api.ts";
import { courseResetPage, dashboardPage, messagePage, reportPage } from "./teacher-pages.ts";

export interface TeacherRoutesDeps {
  db: TwinDb;
  api: LmsApi;
  dashboards: DashboardHub;
  session: (req: Request) => Session | undefined;
}

const DASHBOARD_SCRIPT_PATH = "/local/externalscormbridge/dashboard.js";
const REFUSED_STATUS: Record<string, number> = { invalidrecord: 404, invalidsesskey: 403 };

const positiveInt = (value: unknown): number | undefined => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export function teacherRouter(deps: TeacherRoutesDeps): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "64kb" });

  /** Runs a teacher action for the signed-in user; a refusal is logged and answered with its reason. */
  const guarded =
    (operation: string, action: (req: Request, res: Response, actor: Actor, session: Session) => void) =>
    (req: Request, res: Response): void => {
      const s = deps.session(req);
      if (!s) {
        res.redirect(303, `/login/index.php?returnto=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      const actor = { userid: s.userid, ip: req.ip ?? "" };
      try {
        action(req, res, actor, s);
      } catch (error) {
        if (!isLmsApiError(error)) throw error;
        if (error.errorcode.startsWith("encryption_")) {
          res
            .status(500)
            .type("html")
            .send(messagePage("Cannot decrypt stored data", `${error.errorcode}: ${error.message}`));
          return;
        }
        const target =
          operation === "course/reset.php" ? courseTarget(deps.db, req) : moduleTarget(deps.db, req);
        logRefusal(deps.db, actor, {
          operation,
          errorcode: error.errorcode,
          message: error.message,
          ...target,
        });
        res
          .status(REFUSED_STATUS[error.errorcode] ?? 403)
          .type("html")
          .send(messagePage("Access refused", error.message));
      }
    };

  const requireSesskey = (req: Request, s: Session): void => {
    const body = req.body as Record<string, unknown> | undefined;
    if (body?.sesskey !== s.sesskey)
      throw Object.assign(new Error("Your session has most likely timed out. Please log in again."), {
        errorcode: "invalidsesskey",
      });
  };

  router.get(
    "/mod/scorm/report.php",
    guarded("mod/scorm/report.php", (req, res, actor, s) => {
      const cmid = positiveInt(req.query.id) ?? 0;
      if (req.query.download !== undefined) {
        const file = deps.api.teacher.exportTracks(actor.userid, cmid);
        res.setHeader(
          "Content-Disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        );
        res.setHeader("Cache-Control", "no-store");
        res.type("text/tab-separated-values; charset=utf-8").send(file.body);
        return;
      }
      const tracks = deps.api.teacher.report(actor, cmid, {
        userid: positiveInt(req.query.user),
        attempt: positiveInt(req.query.attempt),
        scoid: positiveInt(req.query.scoid),
      });
      const canDelete = hasCapability(
        deps.db,
        DELETERESPONSES_CAPABILITY,
        moduleContext(deps.db, cmid),
        actor.userid,
      );
      res.setHeader("Cache-Control", "no-store");
      res.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      );
      res.type("html").send(reportPage({ cmid, sesskey: s.sesskey, tracks, canDelete }));
    }),
  );

  router.post(
    "/mod/scorm/report.php",
    form,
    guarded("mod/scorm/report.php", (req, res, actor, s) => {
      requireSesskey(req, s);
      const cmid = positiveInt(req.query.id) ?? 0;
      const body = req.body as Record<string, unknown>;
      const learnerid = body.all === "1" ? undefined : positiveInt(body.user);
      if (body.all !== "1" && learnerid === undefined)
        throw Object.assign(new Error("Choose a learner or all attempts"), { errorcode: "invalidparameter" });
      const deleted = deps.api.teacher.deleteAttempts(actor, cmid, {
        learnerid,
        attempt: positiveInt(body.attempt),
      });
      res.type("html").send(messagePage("Attempts deleted", `${deleted} attempt(s) deleted`));
    }),
  );

  router.get(
    "/course/reset.php",
    guarded("course/reset.php", (req, res, _actor, s) => {
      res.type("html").send(courseResetPage(positiveInt(req.query.id) ?? 0, s.sesskey));
    }),
  );

  router.post(
    "/course/reset.php",
    form,
    guarded("course/reset.php", (req, res, actor, s) => {
      requireSesskey(req, s);
      const body = req.body as Record<string, unknown>;
      const courseid = positiveInt(body.id) ?? 0;
      const deleted = body.reset_scorm === "1" ? deps.api.teacher.resetCourse(actor, courseid) : 0;
      res.type("html").send(messagePage("Course reset", `All SCORM attempts: ${deleted} attempt(s) deleted`));
    }),
  );

  router.get(
    "/local/externalscormbridge/dashboard.php",
    guarded("local/externalscormbridge/dashboard.php", (req, res, actor) => {
      const cmid = positiveInt(req.query.id) ?? 0;
      const rows = deps.api.teacher.dashboard(actor.userid, cmid);
      res.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'unsafe-inline'",
      );
      res.setHeader("Cache-Control", "no-store");
      res.type("html").send(dashboardPage(cmid, rows, DASHBOARD_SCRIPT_PATH));
    }),
  );

  router.get(
    "/local/externalscormbridge/dashboard-events.php",
    guarded("local/externalscormbridge/dashboard-events.php", (req, res, actor) => {
      const cmid = positiveInt(req.query.id) ?? 0;
      deps.api.teacher.dashboard(actor.userid, cmid); // the capability check
      deps.dashboards.subscribe(cmid, res);
    }),
  );

  router.get(DASHBOARD_SCRIPT_PATH, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.type("application/javascript").send(DASHBOARD_SCRIPT);
  });

  return router;
}

/** The context a refused teacher request named: its activity's (by ?id=cmid) when that exists, else the system. */
function moduleTarget(db: TwinDb, req: Request): { context: ContextRow; courseid: number } {
  const cm = db.get<{ id: number; course: number }>(
    "SELECT id, course FROM mdl_course_modules WHERE id = ?",
    [positiveInt(req.query.id) ?? 0],
  );
  return cm
    ? { context: moduleContext(db, cm.id), courseid: cm.course }
    : { context: systemContext(db), courseid: 0 };
}

/** The course a refused reset named (form field or ?id=), else the system. */
function courseTarget(db: TwinDb, req: Request): { context: ContextRow; courseid: number } {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const course = db.get<{ id: number }>("SELECT id FROM mdl_course WHERE id = ?", [
    positiveInt(body.id) ?? positiveInt(req.query.id) ?? 0,
  ]);
  return course
    ? { context: courseContext(db, course.id), courseid: course.id }
    : { context: systemContext(db), courseid: 0 };
}
