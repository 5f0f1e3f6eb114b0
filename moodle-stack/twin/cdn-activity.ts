// Creating a "CDN URL" SCORM activity: the plugin checks the URL (the single verdict of cdn-url-check.ts), and
// only an accepted URL becomes an activity, built from the manifest the check fetched.
import type { Activities, ScormActivity } from "./activities.ts";
import type { CdnUrlCode } from "./cdn-url-syntax.ts";
import type { LmsApi } from "./lms-api.ts";
import type { ScormActivitySettings } from "./scorm-settings.ts";

export class CdnUrlRejected extends Error {
  constructor(
    readonly code: CdnUrlCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "CdnUrlRejected";
  }
}

export async function createCdnActivity(
  api: LmsApi,
  activities: Activities,
  course: number,
  name: string,
  url: string,
  settings: Partial<ScormActivitySettings> = {},
): Promise<ScormActivity> {
  const check = await api.checkCdnUrl(url);
  if (!check.ok) throw new CdnUrlRejected(check.code, check.reason);
  return activities.createFromManifest(course, name, check.url, check.manifestXml, settings);
}
