// The twin's web server on the LMS origin: login, the SCORM player page, the bridge's LMS-side script, and
// Moodle's ajax endpoint carrying the LMS API.
import type { ServerResponse } from "node:http";
import path from "node:path";
import express, { type Request, type Response } from "express";
import { LAUNCH_CAPABILITY, requireActivityAccess } from "./access-rules.ts";
import type { Activities } from "./activities.ts";
import { activityFormRouter } from "./activity-form.ts";
import { playerAttempt } from "./attempts.ts";
import { moduleContext } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import type { DashboardHub } from "./dashboard-hub.ts";
import { escapeHtml } from "./html.ts";
import { logRefusal } from "./refusal-log.ts";
import { loginPage, playerPage } from "./pages.ts";
import type { People } from "./people.ts";
import type { Session, Sessions } from "./sessions.ts";
import type { TrackStorage } from "./track-storage.ts";
import { isLmsApiError, type LmsApi } from "./lms-api.ts";
import { SERVICE_PATH, serviceEndpoint } from "./service-endpoint.ts";
import { teacherRouter } from "./teacher-routes.ts";
import { viewRouter } from "./view-routes.ts";

export interface TwinServerDeps {
  db: TwinDb;
  people: People;
  activities: Activities;
  tracks: TrackStorage;
  sessions: Sessions;
  api: LmsApi;
  /** Folder holding the built bridge LMS-side script `bridge-lms.js`. */
  bridgeDir: string;
  wwwroot: () => string;
  /** Open live dashboards (teacher side). */
  dashboards: DashboardHub;
  /** The package service's REST routes (package-service/). */
  packages?: { router(): express.Router };
}

const BRIDGE_SCRIPT = "/local/externalscormbridge/bridge-lms.js";

function safeReturnTo(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

/** The headers every answer of the twin carries. */
export function setTwinHeaders(res: ServerResponse): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
}

export function createTwinServer(deps: TwinServerDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // Moodle sends no ETag for its pages or web service answers; hashing every answer would be wasted work.
  app.disable("etag");
  app.use((_req, res, next) => {
    setTwinHeaders(res);
    next();
  });

  const session = (req: Request): Session | undefined => deps.sessions.fromCookieHeader(req.headers.cookie);
  // The web service endpoint comes first: it is the hot path (every commit), and no router before it matches.
  app.post(SERVICE_PATH, serviceEndpoint({ sessions: deps.sessions, api: deps.api }));

  app.use(activityFormRouter({ db: deps.db, api: deps.api, activities: deps.activities, session }));

  app.use(viewRouter({ db: deps.db, activities: deps.activities, session }));
  app.use(teacherRouter({ db: deps.db, api: deps.api, dashboards: deps.dashboards, session }));
  if (deps.packages) app.use(deps.packages.router());

  app.get("/login/index.php", (req, res) => {
    res.type("html").send(loginPage(null, safeReturnTo(req.query.returnto)));
  });
  app.post("/login/index.php", express.urlencoded({ extended: false, limit: "16kb" }), (req, res) => {
    const body = req.body as Record<string, unknown>;
    const userid = deps.people.authenticate(String(body.username ?? ""), String(body.password ?? ""));
    if (!userid) {
      res
        .status(200)
        .type("html")
        .send(loginPage("Invalid login, please try again", safeReturnTo(body.returnto)));
      return;
    }
    res.setHeader("Set-Cookie", deps.sessions.cookie(deps.sessions.create(userid)));
    res.redirect(303, safeReturnTo(body.returnto));
  });

  app.get("/", (req, res) => {
    const s = session(req);
    res
      .type("html")
      .send(s ? "<!doctype html><title>Dashboard</title><h1>Dashboard</h1>" : loginPage(null, "/"));
  });

  app.get("/mod/scorm/player.php", (req: Request, res: Response) => {
    const s = session(req);
    if (!s) {
      res.redirect(303, `/login/index.php?returnto=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const cmid = Number(req.query.cm);
    const scoid = Number(req.query.scoid);
    const activity = Number.isSafeInteger(cmid) ? deps.activities.byCmid(cmid) : undefined;
    const sco =
      activity && Number.isSafeInteger(scoid) ? deps.activities.sco(activity.scormid, scoid) : undefined;
    if (!activity || !sco) {
      res.status(404).type("text/plain").send("Activity or SCO not found");
      return;
    }
    const context = moduleContext(deps.db, cmid);
    try {
      requireActivityAccess(deps.db, s.userid, { courseid: activity.course, context }, LAUNCH_CAPABILITY);
    } catch (error) {
      if (!isLmsApiError(error)) throw error;
      logRefusal(
        deps.db,
        { userid: s.userid, ip: req.ip ?? "" },
        {
          operation: "mod/scorm/player.php",
          errorcode: error.errorcode,
          message: error.message,
          context,
          courseid: activity.course,
        },
      );
      res
        .status(403)
        .type("html")
        .send(`<!doctype html><title>Access refused</title><p role="alert">${escapeHtml(error.message)}</p>`);
      return;
    }
    // player.php picks the attempt (scorm_check_mode: newattempt=on, forcenewattempt, maxattempt) and creates it
    // with x.start.time for the launched SCO.
    const settings = deps.db.get<{ maxattempt: number; forcenewattempt: number }>(
      "SELECT maxattempt, forcenewattempt FROM mdl_scorm WHERE id = ?",
      [activity.scormid],
    ) ?? { maxattempt: 1, forcenewattempt: 0 };
    const attempt = playerAttempt(
      deps.db,
      s.userid,
      activity.scormid,
      settings,
      req.query.newattempt === "on",
    );
    const opened = deps.tracks.attempt(s.userid, activity.scormid, attempt);
    deps.tracks.insertTrack(opened, sco.id, "x.start.time", String(Math.floor(Date.now() / 1000)));
    const cdnOrigin = new URL(activity.cdnurl).origin;
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'self'; script-src 'self'; style-src 'unsafe-inline'; frame-src ${cdnOrigin}; frame-ancestors 'self'`,
    );
    res.type("html").send(
      playerPage({
        title: "SCORM player",
        toc: deps.activities
          .scoes(activity.scormid)
          .filter((entry) => entry.launch)
          .map((entry) => ({
            href: `/mod/scorm/player.php?cm=${cmid}&scoid=${entry.id}`,
            title: entry.title || entry.identifier,
            current: entry.id === sco.id,
          })),
        config: { wwwroot: deps.wwwroot(), sesskey: s.sesskey, userid: s.userid, cmid, scoid },
        bridgeScript: BRIDGE_SCRIPT,
      }),
    );
  });

  app.get(BRIDGE_SCRIPT, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(path.join(deps.bridgeDir, "bridge-lms.js"));
  });

  // The current session's sesskey, for a player page whose session was renewed in another tab.
  app.get("/local/externalscormbridge/sesskey.php", (req, res) => {
    const s = session(req);
    res.setHeader("Cache-Control", "no-store");
    if (!s) {
      res.status(401).json({ error: "You are not logged in", errorcode: "servicerequireslogin" });
      return;
    }
    // The user too, so that a player page can tell a sign-in as someone else from its own user's.
    res.json({ sesskey: s.sesskey, userid: s.userid });
  });

  app.use((_req, res) => {
    res.status(404).type("text/plain").send("Not found");
  });
  return app;
}
