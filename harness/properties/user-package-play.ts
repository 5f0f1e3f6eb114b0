// P02 on the user's own packages (`--packages`, optionally already on a CDN named by `--cdn-base`): each package
// becomes a CDN URL activity, the LMS must detect the version its manifest declares, and every SCO must find
// exactly the API global of that version on the bridge frame, initialise through it and have a session land in
// the LMS's tables (certify's play, play-sco.ts). Returns one line per failure; none when every package played.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright";
import { versionFromColumn } from "../../moodle-stack/twin/element-names.ts";
import { packageManifestUrl } from "../certify/run-certify.ts";
import { playSco } from "../certify/play-sco.ts";
import { CdnUrlRefused, type LmsDriver, type LmsUser } from "../lms-driver/lms-driver.ts";
import { declaredScormVersion } from "../oracles/declared-scorm-version.ts";
import { FolderPublisher } from "../packages/publish/folder-publisher.ts";
import type { UserPackage } from "../packages/user-packages.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";

export interface UserPackagePlay {
  browser: Browser;
  stack: EmbeddedStack;
  lms: LmsDriver;
  /** The packages are already served under <cdnBase>/packages/<name>/; none are published. */
  cdnBase?: string;
  /** Per SCO: player opened to session stored. */
  scoTimeoutMs: number;
}

type Placed = { name: string; manifestUrl: string; manifestXml?: string } | { name: string; refusal: string };

/** Where each package is served from: published to the stack's CDN, or already under the CDN base. */
async function place(input: UserPackagePlay, packages: readonly UserPackage[]): Promise<Placed[]> {
  const publisher = new FolderPublisher(input.stack.storageDir, `${input.stack.origins.cdn}/packages`);
  const placed: Placed[] = [];
  for (const pkg of packages) {
    if ("refusal" in pkg) placed.push(pkg);
    else if ("manifestUrl" in pkg) placed.push(pkg);
    else {
      const manifestXml = await readFile(path.join(pkg.dir, "imsmanifest.xml"), "utf8");
      const manifestUrl = input.cdnBase
        ? packageManifestUrl(input.cdnBase, pkg.name)
        : (await publisher.publish(`user-${pkg.name}`, pkg.dir)).manifestUrl;
      placed.push({ name: pkg.name, manifestUrl, manifestXml });
    }
  }
  return placed;
}

async function manifestText(input: UserPackagePlay, manifestUrl: string): Promise<string> {
  const answer = await input.stack.httpGet(manifestUrl, { timeoutMs: 30_000 });
  if (answer.status !== 200) throw new Error(`${manifestUrl} answered HTTP ${answer.status}`);
  return answer.body.toString("utf8");
}

/** One placed package: its version check and a play of each SCO; the failures found. */
async function playPackage(
  input: UserPackagePlay,
  courseId: number,
  learner: LmsUser,
  pkg: Placed,
): Promise<string[]> {
  if ("refusal" in pkg) return [`${pkg.name}: ${pkg.refusal}`];
  const failures: string[] = [];
  try {
    const declared = declaredScormVersion(pkg.manifestXml ?? (await manifestText(input, pkg.manifestUrl)));
    const activity = await input.lms.createCdnActivity(courseId, `P02 ${pkg.name}`, pkg.manifestUrl);
    const detected = versionFromColumn(activity.version);
    if (declared === null) failures.push(`${pkg.name}: its manifest declares no SCORM version`);
    else if (detected !== declared)
      failures.push(`${pkg.name}: the LMS detected SCORM ${detected}, the manifest declares ${declared}`);
    const scoes = activity.scoes.filter((s) => s.scormtype !== "asset");
    if (scoes.length === 0) failures.push(`${pkg.name}: no SCO to launch (only assets)`);
    for (const sco of scoes) {
      const played = await playSco({
        browser: input.browser,
        lms: input.lms,
        learner,
        activity,
        sco,
        version: detected,
        cdnOrigin: new URL(pkg.manifestUrl).origin,
        timeoutMs: input.scoTimeoutMs,
      });
      if (!played.passed) failures.push(`${pkg.name} SCO ${sco.identifier}: ${played.evidence.join(" | ")}`);
    }
  } catch (error) {
    failures.push(
      error instanceof CdnUrlRefused
        ? `${pkg.name}: the LMS refused ${pkg.manifestUrl} (${error.code}): ${error.reason}`
        : `${pkg.name}: ${(error as Error).message}`,
    );
  }
  return failures;
}

export async function playUserPackages(
  input: UserPackagePlay,
  packages: readonly UserPackage[],
): Promise<string[]> {
  const placed = await place(input, packages);
  // The stack's LMS has no CDN whitelist (every host allowed): a package on another CDN needs no setting.
  const courseId = await input.lms.createCourse("P02 packages under test");
  const learner = await input.lms.createUser();
  await input.lms.enrol(learner, courseId);
  const failures: string[] = [];
  for (const pkg of placed) failures.push(...(await playPackage(input, courseId, learner, pkg)));
  return failures;
}
