// The LMS driver for a real Moodle (harness/stack/moodle-stack.ts): writes through Moodle's own APIs in PHP CLI
// (moodle-stack/real/driver-ops.php), sign-in through Moodle's login form in the page, mod_scorm's player, reads
// through the shared SQL queries over Moodle's database. Methods a real Moodle cannot honour throw
// NotHonouredByRealMoodle (moodle-teacher-side.ts).
import type { Page } from "@playwright/test";
import { MoodleOperationFailed, runOperation, type MoodleCli } from "../../moodle-stack/real/moodle-cli.ts";
import type { MoodleStack } from "../stack/moodle-stack.ts";
import { MOODLE41_VALUES } from "../../moodle-stack/twin/track-storage-moodle41.ts";
import {
  CdnUrlRefused,
  COMPLETION_SQL,
  GRADEBOOK_SQL,
  gradebookGradeFromRow,
  LAUNCHES_SQL,
  LOG_EVENTS_SQL,
  TRACKS_SQL,
  tracksSql,
  toLogEventRow,
  type CdnActivity,
  type LaunchRecord,
  type LmsDriver,
  type LmsUser,
  type StoredTrack,
} from "./lms-driver.ts";
import { moodleTeacherSide, NotHonouredByRealMoodle } from "./moodle-teacher-side.ts";

let counter = 0;
const unique = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${(counter++).toString(36)}`;

/** The player URL of mod_scorm for a SCO (player.php takes the course module id as `cm`). */
export function moodlePlayerUrl(origin: string, cmid: number, scoid: number, newAttempt = false): string {
  const url = new URL("/mod/scorm/player.php", origin);
  url.search = new URLSearchParams({
    cm: String(cmid),
    scoid: String(scoid),
    mode: "normal",
    ...(newAttempt ? { newattempt: "on" } : {}),
  }).toString();
  return url.href;
}

/**
 * Moodle's own login form (its logintoken included), filled and submitted in one step: the form's scripts (the
 * password field's show/hide toggle) rework the fields after load, and a field typed into before that can lose
 * what was typed.
 */
async function signInWithForm(page: Page, origin: string, user: LmsUser): Promise<void> {
  await page.goto(`${origin}/login/index.php`);
  await page.locator("form#login").evaluate(
    (form: HTMLFormElement, credentials) => {
      (form.elements.namedItem("username") as HTMLInputElement).value = credentials.username;
      (form.elements.namedItem("password") as HTMLInputElement).value = credentials.password;
      form.submit();
    },
    { username: user.username, password: user.password },
  );
  // Signed in, Moodle redirects away from the form; refused, it shows the form again with the reason.
  const away = await page
    .waitForURL((url) => !url.pathname.endsWith("/login/index.php"), { timeout: 20_000 })
    .then(() => true)
    .catch(() => false);
  if (!away) {
    const reason = await page
      .locator(".alert, #loginerrormessage")
      .first()
      .textContent()
      .catch(() => null);
    throw new Error(`Moodle's login form refused ${user.username}: ${reason?.trim() ?? "no reason shown"}`);
  }
}

export function createMoodleDriver(stack: MoodleStack): LmsDriver {
  const origin = stack.origins.lms;
  const { cli, db } = stack.moodle;
  const op = (operation: { op: string } & Record<string, unknown>): Promise<unknown> =>
    runOperation(cli satisfies MoodleCli, operation);
  const rows = async (sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> => {
    const [result] = await db.query(sql, params);
    return result as Array<Record<string, unknown>>;
  };
  // Moodle 4.1 and 4.2 keep tracks in scorm_scoes_track, 4.3+ in scorm_attempt/_element/_scoes_value.
  let tracksQuery: Promise<string> | null = null;
  const tracksSqlOfSite = (): Promise<string> =>
    (tracksQuery ??= rows("SHOW TABLES LIKE 'mdl\\_scorm\\_scoes\\_track'", []).then((found) =>
      found.length > 0 ? tracksSql(MOODLE41_VALUES) : TRACKS_SQL,
    ));
  return {
    kind: "moodle",
    origin,
    ...moodleTeacherSide(origin, stack.moodle),
    async createCourse(fullname) {
      return Number(await op({ op: "createCourse", fullname }));
    },
    async createUser(username = unique("student"), names = { firstname: "Sam", lastname: "Learner" }) {
      if (!names.firstname.trim() || !names.lastname.trim())
        throw new NotHonouredByRealMoodle(
          "createUser",
          `a real Moodle sends a user without a first and last name to user/edit.php before any page (asked: ${JSON.stringify(names)})`,
        );
      const password = `Pw-${unique("")}!`;
      const id = Number(await op({ op: "createUser", username: username.toLowerCase(), password, ...names }));
      return { id, username: username.toLowerCase(), password };
    },
    async enrol(user, courseId, role = "student") {
      await op({ op: "enrol", userid: user.id, courseid: courseId, role });
    },
    async suspendEnrolment(user, courseId, suspended = true) {
      await op({ op: "suspendEnrolment", userid: user.id, courseid: courseId, suspended });
    },
    async guestUser(courseId) {
      const password = `Guest-${unique("")}!`;
      const id = Number(await op({ op: "guestUser", courseid: courseId, password }));
      return { id, username: "guest", password };
    },
    async overrideCapability(activity, role, capability, permission) {
      await op({ op: "overrideCapability", cmid: activity.cmid, role, capability, permission });
    },
    async setAttemptSettings(activity, settings) {
      await db.query("UPDATE mdl_scorm SET maxattempt = ?, forcenewattempt = ? WHERE id = ?", [
        settings.maxattempt,
        settings.forcenewattempt ?? 0,
        activity.scormid,
      ]);
    },
    async createCdnActivity(courseId, name, manifestUrl, settings = {}) {
      try {
        return (await op({
          op: "createCdnActivity",
          courseid: courseId,
          name,
          manifesturl: manifestUrl,
          settings,
        })) as CdnActivity;
      } catch (error) {
        if (error instanceof MoodleOperationFailed && error.code !== "exception")
          throw new CdnUrlRefused(error.code, error.reason);
        throw error;
      }
    },
    activityFormUrl(courseId) {
      return `${origin}/course/modedit.php?add=scorm&course=${courseId}&section=0`;
    },
    async login(page: Page, user) {
      // As the twin's sign-in: the context gets a new session cookie and the page stays where it is (the player
      // page of P19 signs in "elsewhere" and keeps its old sesskey). Moodle's form runs in a page of its own, after
      // the context's session cookie is dropped (signed in, Moodle would answer the form with "log out first").
      const context = page.context();
      await context.clearCookies({ name: /^MoodleSession/ });
      const form = await context.newPage();
      try {
        await signInWithForm(form, origin, user);
      } finally {
        await form.close();
      }
    },
    // mod_scorm's tree (#scorm_tree): in play mode an anchor per launchable item, with its data-scoid (no href).
    tocLinks: (page) => page.locator("#scorm_tree a[data-scoid]"),
    playerUrl(activity, scoid, options = {}) {
      return moodlePlayerUrl(origin, activity.cmid, scoid, options.newAttempt);
    },
    async launches(activity, user) {
      return (await rows(LAUNCHES_SQL, [activity.scormid, user.id])) as unknown as LaunchRecord[];
    },
    async logEvents(afterId = 0) {
      return (await rows(LOG_EVENTS_SQL, [afterId])).map(toLogEventRow);
    },
    async tracks(activity, user) {
      return (await rows(await tracksSqlOfSite(), [activity.scormid, user.id])).map((r) => ({
        ...r,
        scoid: Number(r.scoid),
        attempt: Number(r.attempt),
        timemodified: Number(r.timemodified),
      })) as StoredTrack[];
    },
    async gradebookGrade(activity, user) {
      return gradebookGradeFromRow((await rows(GRADEBOOK_SQL, [activity.scormid, user.id]))[0]);
    },
    async completionState(activity, user) {
      const row = (await rows(COMPLETION_SQL, [activity.cmid, user.id]))[0];
      return row ? Number(row.completionstate) : 0;
    },
    async setBridgeSettings(settings) {
      await op({ op: "setBridgeSettings", settings });
    },
    async tamperCdnUrl(activity, manifestUrl) {
      await db.query("UPDATE mdl_local_externalscormbridge SET cdnurl = ? WHERE scormid = ?", [
        manifestUrl,
        activity.scormid,
      ]);
    },
    async expireSessions(user) {
      await op({ op: "expireSessions", userid: user.id });
    },
    async unenrol(user, courseId) {
      await op({ op: "unenrol", userid: user.id, courseid: courseId });
    },
  };
}
