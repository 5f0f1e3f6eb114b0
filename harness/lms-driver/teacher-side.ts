// The teacher side of the LMS driver (moodle-scorm-contract §6): the report and its download, the live dashboard,
// deleting attempts and resetting the course — all through the teacher's own pages in the browser, as a teacher
// would — and the admin's encryption-at-rest settings and site key (P21).
import type { Page } from "@playwright/test";
import type { CdnActivity, LmsUser } from "./lms-driver.ts";
import { parseTabSeparated } from "./tab-separated-parse.ts";

/** One row of the activity's download (report.php?download=CSV): one stored track, its value decrypted. */
export interface ExportRow {
  name: string;
  username: string;
  attempt: number;
  startedOn: string;
  lastAccessed: string;
  /** The SCO's manifest identifier. */
  sco: string;
  element: string;
  value: string;
}

export const EXPORT_HEADER = [
  "Name",
  "Username",
  "Attempt",
  "Started on",
  "Last accessed on",
  "SCO",
  "Element",
  "Value",
] as const;

/** The LMS refused a teacher action or could not do it (no capability, a key that cannot decrypt, ...). */
export class TeacherActionFailed extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`The LMS answered HTTP ${status}: ${reason}`);
    this.name = "TeacherActionFailed";
  }
}

export interface TeacherSide {
  reportUrl(activity: CdnActivity): string;
  /** The live dashboard of the activity (learners' latest status and score, updated by push). */
  dashboardUrl(activity: CdnActivity): string;
  /** Downloads the activity's export as the signed-in user of `page`; refusals throw TeacherActionFailed. */
  exportTracks(page: Page, activity: CdnActivity): Promise<ExportRow[]>;
  /** Deletes every attempt of one learner, or of everyone, with the report page's buttons. */
  deleteAttempts(page: Page, activity: CdnActivity, learner?: LmsUser): Promise<void>;
  /** Course reset with "All SCORM attempts" ticked, through the reset form. */
  resetCourse(page: Page, courseId: number): Promise<void>;
  /** Encryption at rest as the admin settings page saves it; rejects with the form's reason for a bad value. */
  setEncryptionAtRest(settings: { encrypt: boolean; sensitiveElements?: string[] }): Promise<void>;
  /** Replaces or removes the site's key file (a lost moodledata, another site's key), or puts the original back. */
  changeSiteKey(change: "replace" | "remove" | "restore"): Promise<void>;
}

/** The alert text of an LMS page, for a refusal's reason. */
const alertText = (html: string): string =>
  (/<p role="alert">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? html.slice(0, 200))
    .replace(/<[^>]*>/g, "")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));

export function toExportRows(text: string): ExportRow[] {
  const [header, ...rows] = parseTabSeparated(text);
  if (JSON.stringify(header) !== JSON.stringify(EXPORT_HEADER))
    throw new Error(`Unexpected export header: ${JSON.stringify(header)}`);
  return rows.map((r) => {
    if (r.length !== EXPORT_HEADER.length)
      throw new Error(`Export row with ${r.length} fields: ${JSON.stringify(r)}`);
    const [name, username, attempt, startedOn, lastAccessed, sco, element, value] = r as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return { name, username, attempt: Number(attempt), startedOn, lastAccessed, sco, element, value };
  });
}

/**
 * Downloads an export at `url` as the signed-in user of `page`: fetched by the page itself (its cookie, its TLS
 * trust), as the download link would be; a refusal throws TeacherActionFailed with the page's alert.
 */
export async function downloadExport(page: Page, origin: string, url: string): Promise<ExportRow[]> {
  if (new URL(page.url()).origin !== origin) await page.goto(`${origin}/`);
  const res = await page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: "same-origin", redirect: "manual" });
    return { status: r.status, body: await r.text() };
  }, url);
  if (res.status !== 200) throw new TeacherActionFailed(res.status, alertText(res.body));
  return toExportRows(res.body);
}

/** The browser half of the teacher side, over Moodle's page URLs on `origin`. */
export function browserTeacherSide(
  origin: string,
): Pick<TeacherSide, "reportUrl" | "dashboardUrl" | "exportTracks" | "deleteAttempts" | "resetCourse"> {
  const reportUrl = (activity: CdnActivity): string => `${origin}/mod/scorm/report.php?id=${activity.cmid}`;
  const submit = async (page: Page, url: string, button: string, done: string): Promise<void> => {
    const shown = await page.goto(url);
    if (!shown || shown.status() !== 200)
      throw new TeacherActionFailed(shown?.status() ?? 0, alertText((await shown?.text()) ?? ""));
    const [answer] = await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
    const html = (await answer?.text()) ?? "";
    if (!answer || answer.status() !== 200 || !html.includes(`<h1>${done}</h1>`))
      throw new TeacherActionFailed(answer?.status() ?? 0, alertText(html));
  };
  return {
    reportUrl,
    dashboardUrl: (activity) => `${origin}/local/externalscormbridge/dashboard.php?id=${activity.cmid}`,
    exportTracks: (page, activity) => downloadExport(page, origin, `${reportUrl(activity)}&download=CSV`),
    async deleteAttempts(page, activity, learner) {
      const button = learner ? `[data-delete-learner="${learner.id}"]` : "#esb-delete-all";
      await submit(page, reportUrl(activity), button, "Attempts deleted");
    },
    async resetCourse(page, courseId) {
      await submit(page, `${origin}/course/reset.php?id=${courseId}`, "#esb-reset-course", "Course reset");
    },
  };
}
