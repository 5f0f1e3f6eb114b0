// The LMS driver for the embedded Moodle twin: provisioning through the twin's admin functions, sign-in
// through the browser, reads through SQL.
import type { Page } from "@playwright/test";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { TRACKS_SQL, type CdnActivity, type LmsDriver, type LmsUser, type StoredTrack } from "./lms-driver.ts";

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
      await page.goto(`${stack.origins.lms}/login/index.php`);
      await page.fill("#username", user.username);
      await page.fill("#password", user.password);
      await Promise.all([page.waitForURL(`${stack.origins.lms}/`), page.click("#loginbtn")]);
    },
    playerUrl(activity: CdnActivity, scoid: number) {
      return `${stack.origins.lms}/mod/scorm/player.php?cm=${activity.cmid}&scoid=${scoid}`;
    },
    async tracks(activity, user) {
      return twin.query(TRACKS_SQL, [activity.scormid, user.id]) as unknown as StoredTrack[];
    },
  };
}
