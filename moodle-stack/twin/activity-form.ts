// The activity form's routes: GET shows it for a course, POST checks the CDN URL through the plugin and creates
// the activity, or shows the form again with the refusal next to the field. Needs mod/scorm:addinstance.
import express, { type Request, type Response } from "express";
import { requireCapability, requireNotGuest } from "./access-rules.ts";
import { activityCreatedPage, activityFormPage } from "./activity-form-page.ts";
import type { Activities } from "./activities.ts";
import { CdnUrlRejected, createCdnActivity } from "./cdn-activity.ts";
import { courseContext } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import type { LmsApi } from "./lms-api.ts";
import { isLmsApiError } from "./lms-api.ts";
import type { Session } from "./sessions.ts";

export const ADD_INSTANCE_CAPABILITY = "mod/scorm:addinstance";

export interface ActivityFormDeps {
  db: TwinDb;
  api: LmsApi;
  activities: Activities;
  session: (req: Request) => Session | undefined;
}

export function activityFormRouter(deps: ActivityFormDeps): express.Router {
  const router = express.Router();

  /** The signed-in user allowed to add an activity to the course, or an answer already sent. */
  const editor = (req: Request, res: Response, courseid: number): Session | undefined => {
    const s = deps.session(req);
    if (!s) {
      res.redirect(303, `/login/index.php?returnto=${encodeURIComponent(req.originalUrl)}`);
      return undefined;
    }
    if (!Number.isSafeInteger(courseid) || courseid <= 0) {
      res.status(404).type("text/plain").send("Course not found");
      return undefined;
    }
    try {
      requireNotGuest(deps.db, s.userid);
      requireCapability(deps.db, ADD_INSTANCE_CAPABILITY, courseContext(deps.db, courseid), s.userid);
    } catch (error) {
      if (!isLmsApiError(error)) throw error;
      res
        .status(403)
        .type("html")
        .send(activityFormPage({ courseid, sesskey: "", name: "", cdnurl: "", alert: error.message }));
      return undefined;
    }
    return s;
  };

  router.get("/course/modedit.php", (req, res) => {
    const courseid = Number(req.query.course);
    const s = editor(req, res, courseid);
    if (s) res.type("html").send(activityFormPage({ courseid, sesskey: s.sesskey, name: "", cdnurl: "" }));
  });

  router.post(
    "/course/modedit.php",
    express.urlencoded({ extended: false, limit: "64kb" }),
    async (req, res) => {
      const body = req.body as Record<string, unknown>;
      const courseid = Number(body.course);
      const s = editor(req, res, courseid);
      if (!s) return;
      const name = typeof body.name === "string" ? body.name.trim() : "";
      const cdnurl = typeof body.cdnurl === "string" ? body.cdnurl : "";
      const form = { courseid, sesskey: s.sesskey, name, cdnurl };
      if (body.sesskey !== s.sesskey) {
        res
          .status(403)
          .type("html")
          .send(
            activityFormPage({
              ...form,
              alert: "Your session has most likely timed out. Please log in again.",
            }),
          );
        return;
      }
      try {
        const activity = await createCdnActivity(
          deps.api,
          deps.activities,
          courseid,
          name || "SCORM package",
          cdnurl,
        );
        res.type("html").send(activityCreatedPage(activity.cmid, name || "SCORM package"));
      } catch (error) {
        if (!(error instanceof CdnUrlRejected)) throw error;
        res
          .status(200)
          .type("html")
          .send(activityFormPage({ ...form, error: { code: error.code, reason: error.reason } }));
      }
    },
  );
  return router;
}
