// The teacher side on a real Moodle: mod_scorm's own report page; the admin's encryption settings through
// set_config, and the site key file in the dataroot (as an admin with access to the server would change them).
// What a real Moodle has no page for in the shape the properties read (the plugin's live dashboard, the twin's
// export columns, its delete and reset buttons) throws NotHonouredByRealMoodle, so the property fails loudly.
import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { runOperation } from "../../moodle-stack/real/moodle-cli.ts";
import type { RealMoodle } from "../stack/moodle-stack.ts";
import type { TeacherSide } from "./teacher-side.ts";

/** A driver method a real Moodle cannot honour as the property needs it. */
export class NotHonouredByRealMoodle extends Error {
  constructor(method: string, why: string) {
    super(`The Moodle driver cannot honour ${method} against a real Moodle: ${why}`);
    this.name = "NotHonouredByRealMoodle";
  }
}

/** Moodle's sodium key file under the dataroot (no $CFG->secretdataroot in the stack's config.php). */
export const siteKeyFile = (dataroot: string): string => path.join(dataroot, "secret", "key", "sodium.key");

export function moodleTeacherSide(origin: string, moodle: RealMoodle): TeacherSide {
  const keyFile = siteKeyFile(moodle.site.dataroot);
  let originalKey: Buffer | null = null;
  const writeKey = async (key: Buffer): Promise<void> => {
    await rm(keyFile, { force: true });
    await writeFile(keyFile, key, { mode: 0o400 });
  };
  return {
    reportUrl: (activity) => `${origin}/mod/scorm/report.php?id=${activity.cmid}`,
    dashboardUrl() {
      throw new NotHonouredByRealMoodle(
        "dashboardUrl",
        "the plugin has no live dashboard page (dashboard.php)",
      );
    },
    async exportTracks() {
      throw new NotHonouredByRealMoodle(
        "exportTracks",
        "mod_scorm's report download has its own columns, not the plugin's export (Name, Username, ..., Element, Value)",
      );
    },
    async deleteAttempts() {
      throw new NotHonouredByRealMoodle(
        "deleteAttempts",
        "mod_scorm's report deletes attempts with its own selection form, which the driver does not fill yet",
      );
    },
    async resetCourse() {
      throw new NotHonouredByRealMoodle(
        "resetCourse",
        "Moodle's course reset form (course/reset.php) is not driven yet",
      );
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
