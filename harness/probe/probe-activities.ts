// Publishes the project's two probe packages to the CDN and creates one "CDN URL" activity for each.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ActivitySettings, CdnActivity, LmsDriver } from "../lms-driver/lms-driver.ts";
import { PACKAGES_DIR } from "../packages/package-files.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";

export const PROBE_PACKAGES = { "1.2": "probe-scorm12", "2004": "probe-scorm2004-4th" } as const;

export async function createProbeActivities(
  stack: EmbeddedStack,
  lms: LmsDriver,
  courseId: number,
  prefix: string,
  /** Grading, attempt and completion settings of both activities. */
  settings: ActivitySettings = {},
): Promise<Record<keyof typeof PROBE_PACKAGES, CdnActivity>> {
  const create = async (version: keyof typeof PROBE_PACKAGES): Promise<CdnActivity> => {
    const pkg = PROBE_PACKAGES[version];
    const manifest = await readFile(path.join(PACKAGES_DIR, pkg, "imsmanifest.xml"), "utf8");
    const url = await stack.publishProbePackage(`${prefix}-${pkg}`, manifest);
    return lms.createCdnActivity(courseId, `${prefix} ${version}`, url, settings);
  };
  return { "1.2": await create("1.2"), "2004": await create("2004") };
}
