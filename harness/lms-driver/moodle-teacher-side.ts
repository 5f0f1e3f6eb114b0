// The teacher side on a real Moodle: mod_scorm's own report page; the plugin's export page (export.php, the
// columns the properties read); deleting attempts and course reset through Moodle's APIs (driver-ops.php:
// scorm_delete_responses, reset_course_userdata) as the user signed in on the teacher's page, with that user's
// capabilities; the admin's encryption settings through set_config, and the site key file in the dataroot (as an
// admin with access to the server would change them); the plugin's live dashboard page (dashboard.php).
import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { runOperation } from "../../moodle-stack/real/moodle-cli.ts";
import type { RealMoodle } from "../stack/moodle-stack.ts";
import { downloadExport, TeacherActionFailed, type TeacherSide } from "./teacher-side.ts";

/** A driver method a real Moodle cannot honour as the property needs it. */
export class NotHonouredByRealMoodle extends Error {
  constructor(method: string, why: string) {
    super(`The Moodle driver cannot honour ${method} against a real Moodle: ${why}`);
    this.name = "NotHonouredByRealMoodle";
  }
}

/** Moodle's sodium key file under the dataroot (no $CFG->secretdataroot in the stack's config.php). */
export const siteKeyFile = (dataroot: string): string => path.join(dataroot, "secret", "key", "sodium.key");

/** The id of the user signed in on `page` (the plugin's sesskey.php answers it for the page's session). */
async function signedInUserId(page: Page, origin: string): Promise<number> {
  if (new URL(page.url()).origin !== origin) await page.goto(`${origin}/`);
  const res = await page.evaluate(async (url) => {
    const r = await fetch(url, { credentials: "same-origin" });
    return { status: r.status, body: await r.text() };
  }, `${origin}/local/externalscormbridge/sesskey.php`);
  const userid = res.status === 200 ? (JSON.parse(res.body) as { userid?: unknown }).userid : undefined;
  if (typeof userid !== "number") throw new TeacherActionFailed(res.status, res.body.slice(0, 200));
  return userid;
}

export function moodleTeacherSide(origin: string, moodle: RealMoodle): TeacherSide {
  const keyFile = siteKeyFile(moodle.site.dataroot);
  let originalKey: Buffer | null = null;
  const writeKey = async (key: Buffer): Promise<void> => {
    await rm(keyFile, { force: true });
    await writeFile(keyFile, key, { mode: 0o400 });
  };
  return {
    reportUrl: (activity) => `${origin}/mod/scorm/report.php?id=${activity.cmid}`,
    dashboardUrl: (activity) => `${origin}/local/externalscormbridge/dashboard.php?id=${activity.cmid}`,
    exportTracks: (page, activity) =>
      downloadExport(page, origin, `${origin}/local/externalscormbridge/export.php?id=${activity.cmid}`),
    async deleteAttempts(page, activity, learner) {
      const actorid = await signedInUserId(page, origin);
      await runOperation(moodle.cli, {
        op: "deleteAttempts",
        actorid,
        cmid: activity.cmid,
        ...(learner ? { userid: learner.id } : {}),
      });
    },
    async resetCourse(page, courseId) {
      await runOperation(moodle.cli, {
        op: "resetCourse",
        actorid: await signedInUserId(page, origin),
        courseid: courseId,
      });
    },
    async setEncryptionAtRest(settings) {
      await runOperation(moodle.cli, { op: "setEncryptionAtRest", ...settings });
    },
    async changeSiteKey(change) {
      originalKey ??= await readFile(keyFile);
      if (change === "replace") await writeKey(randomBytes(32));
      else if (change === "remove") await rm(keyFile, { force: true });
      else await writeKey(originalKey);
    },
  };
}
