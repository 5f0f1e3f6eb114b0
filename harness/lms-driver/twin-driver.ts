// The LMS driver for the embedded Moodle twin: provisioning through the twin's admin functions, sign-in
// through the browser, reads through SQL.
import { addMoodleSessionCookie } from "./session-cookie.ts";
import type { Page } from "@playwright/test";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { twinTeacherSide } from "./twin-teacher-side.ts";
import {
  COMPLETION_SQL,
  GRADEBOOK_SQL,
  gradebookGradeFromRow,
  LAUNCHES_SQL,
  LOG_EVENTS_SQL,
  tracksSql,
  toLogEventRow,
  type LaunchRecord,
  type CdnActivity,
  CdnUrlRefused,
  type LmsDriver,
  type LmsUser,
  type StoredTrack,
} from "./lms-driver.ts";

let counter = 0;
const unique = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export function createTwinDriver(stack: EmbeddedStack): LmsDriver {
  const { twin } = stack;
  return {
    kind: "twin",
    origin: stack.origins.lms,
    ...twinTeacherSide(stack),
    async createCourse(fullname) {
      return twin.people.createCourse(fullname, unique("c"));
    },
    async createUser(username = unique("student"), names = { firstname: "Sam", lastname: "Learner" }) {
      const password = `Pw-${unique("")}!`;
      const id = twin.people.createUser({ username, password, ...names });
      return { id, username, password };
    },
    async enrol(user, courseId, role = "student") {
      twin.people.enrol(user.id, courseId, role);
    },
    async suspendEnrolment(user, courseId, suspended = true) {
      twin.people.setEnrolmentSuspended(user.id, courseId, suspended);
    },
    async guestUser(courseId) {
      const password = `Guest-${unique("")}!`;
      const id = twin.people.guestAccess(courseId, password);
      return { id, username: "guest", password };
    },
    async overrideCapability(activity, role, capability, permission) {
      twin.people.overrideCapability(activity.cmid, role, capability, permission);
    },
    async setAttemptSettings(activity, settings) {
      twin.db.run("UPDATE mdl_scorm SET maxattempt = ?, forcenewattempt = ? WHERE id = ?", [
        settings.maxattempt,
        settings.forcenewattempt ?? 0,
        activity.scormid,
      ]);
    },
    async createCdnActivity(courseId, name, manifestUrl, settings = {}) {
      const created = await twin
        .createCdnActivity(courseId, name, manifestUrl, settings)
        .catch((error: unknown) => {
          const refusal = error as { name?: string; code?: string; reason?: string };
          if (refusal.name === "CdnUrlRejected")
            throw new CdnUrlRefused(String(refusal.code), String(refusal.reason));
          throw error;
        });
      const row = twin.query("SELECT version FROM mdl_scorm WHERE id = ?", [created.scormid])[0];
      const scoes = twin.activities
        .scoes(created.scormid)
        .filter((s) => s.launch)
        .map((s) => ({ id: s.id, identifier: s.identifier, launch: s.launch, scormtype: s.scormtype }));
      return { cmid: created.cmid, scormid: created.scormid, version: String(row?.version), scoes };
    },
    activityFormUrl(courseId) {
      return `${stack.origins.lms}/course/modedit.php?add=scorm&course=${courseId}`;
    },
    async login(page: Page, user: LmsUser) {
      // The twin issues the session the login form would, and the browser context carries its cookie.
      if (!twin.people.authenticate(user.username, user.password))
        throw new Error(`Bad credentials for ${user.username}`);
      const session = twin.sessions.create(user.id);
      await addMoodleSessionCookie(page.context(), stack.origins.lms, session.id);
    },
    viewUrl(activity: CdnActivity) {
      return `${stack.origins.lms}/mod/scorm/view.php?id=${activity.cmid}`;
    },
    tocLinks: (page: Page) => page.locator("#esb-toc a"),
    playerUrl(activity: CdnActivity, scoid: number, options = {}) {
      const newattempt = options.newAttempt ? "&newattempt=on" : "";
      return `${stack.origins.lms}/mod/scorm/player.php?cm=${activity.cmid}&scoid=${scoid}${newattempt}`;
    },
    async launches(activity, user) {
      return twin.query(LAUNCHES_SQL, [activity.scormid, user.id]) as unknown as LaunchRecord[];
    },
    async logEvents(afterId = 0) {
      return twin.query(LOG_EVENTS_SQL, [afterId]).map(toLogEventRow);
    },
    async tracks(activity, user) {
      return twin.query(tracksSql(twin.tracks.values), [
        activity.scormid,
        user.id,
      ]) as unknown as StoredTrack[];
    },
    async gradebookGrade(activity, user) {
      return gradebookGradeFromRow(twin.query(GRADEBOOK_SQL, [activity.scormid, user.id])[0]);
    },
    async completionState(activity, user) {
      const row = twin.query(COMPLETION_SQL, [activity.cmid, user.id])[0];
      return row ? Number(row.completionstate) : 0;
    },
    async setBridgeSettings(settings) {
      twin.setBridgeConfig(settings);
    },
    async tamperCdnUrl(activity, manifestUrl) {
      twin.db.run("UPDATE mdl_local_externalscormbridge SET cdnurl = ? WHERE scormid = ?", [
        manifestUrl,
        activity.scormid,
      ]);
    },
    async expireSessions(user) {
      twin.sessions.endAllFor(user.id);
    },
    async unenrol(user, courseId) {
      twin.db.run(
        "DELETE FROM mdl_user_enrolments WHERE userid = ? AND enrolid IN (SELECT id FROM mdl_enrol WHERE courseid = ?)",
        [user.id, courseId],
      );
    },
  };
}
