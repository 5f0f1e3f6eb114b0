// The LMS driver for the embedded Moodle twin: provisioning through the twin's admin functions, sign-in
// through the browser, reads through SQL.
import type { Page } from "@playwright/test";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import {
  TRACKS_SQL,
  type CdnActivity,
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
    async createCourse(fullname) {
      return twin.people.createCourse(fullname, unique("c"));
    },
    async createUser(username = unique("student")) {
      const password = `Pw-${unique("")}!`;
      const id = twin.people.createUser({ username, password, firstname: "Sam", lastname: "Learner" });
      return { id, username, password };
    },
    async enrol(user, courseId) {
      twin.people.enrol(user.id, courseId);
    },
    async createCdnActivity(courseId, name, manifestUrl) {
      const res = await stack.fetch(manifestUrl);
      if (res.status !== 200) throw new Error(`Manifest ${manifestUrl} answered HTTP ${res.status}`);
      const created = twin.activities.createFromManifest(courseId, name, manifestUrl, res.body);
      const row = twin.query("SELECT version FROM mdl_scorm WHERE id = ?", [created.scormid])[0];
      const scoes = twin.activities
        .scoes(created.scormid)
        .filter((s) => s.launch)
        .map((s) => ({ id: s.id, identifier: s.identifier, launch: s.launch }));
      return { cmid: created.cmid, scormid: created.scormid, version: String(row?.version), scoes };
    },
    async login(page: Page, user: LmsUser) {
      // The twin issues the session the login form would, and the browser context carries its cookie.
      if (!twin.people.authenticate(user.username, user.password))
        throw new Error(`Bad credentials for ${user.username}`);
      const session = twin.sessions.create(user.id);
      await page.context().addCookies([
        {
          name: "MoodleSession",
          value: session.id,
          url: stack.origins.lms,
          httpOnly: true,
          secure: true,
          sameSite: "Lax",
        },
      ]);
    },
    playerUrl(activity: CdnActivity, scoid: number) {
      return `${stack.origins.lms}/mod/scorm/player.php?cm=${activity.cmid}&scoid=${scoid}`;
    },
    async tracks(activity, user) {
      return twin.query(TRACKS_SQL, [activity.scormid, user.id]) as unknown as StoredTrack[];
    },
    async setBridgeSettings(settings) {
      twin.setBridgeConfig(settings);
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
