// `certify`'s play checks: the published packages played through the bridge with the embedded LMS, one check per
// package per SCO ("play:<package>/<sco>").
//
// What "plays" means for an arbitrary package (third-party content runs no script of ours):
//  1. The embedded LMS (the Moodle twin) starts on this machine and is presented to certify's own Chromium under
//     the LMS origin certify was given (--lms-origin, default https://lms.test): the run's CA issues its
//     certificate for that name and --host-resolver-rules send that host and port to the local server. So the CDN
//     sees the very origin its framing and CORS rules were checked for; nothing outside this browser changes.
//  2. A site admin's setup: the CDN host on the whitelist, a course, one "CDN URL" activity per package (the LMS
//     checks the URL as its form does), a learner enrolled.
//  3. For each SCO (scormtype sco; assets have no API to play), a fresh browser context signs the learner in and
//     opens the LMS's player. The bridge frame must come from the CDN (/bridge/frame.html on the package's
//     origin, the page the frame-version check verified), and the SCO itself must call Initialize through it and
//     get "true" within the play timeout (observed by a pass-through recorder on the API global, see
//     sco-api-recorder.ts). A SCO that waits for a click before initialising fails here, with that reason.
//  4. certify then drives the session from the SCO's frame, finding the API as a SCO does: writes a fresh
//     location and a long suspend_data, Commit, Terminate (sco-session-drive.ts). A SCO that already terminated by
//     itself is checked on what it stored instead.
//  5. The values are read back from the LMS's tables (mdl_scorm_scoes_value) and must equal what was written.
// The evidence names what the SCO called, what certify called, what the LMS stored, the LMS API calls, console
// errors, and the elapsed time. When no browser can be started every play check fails with the reason.
import { chromium, type Browser } from "playwright";
import { versionFromColumn } from "../../moodle-stack/twin/element-names.ts";
import { baseChromiumArgs, chooseChromium } from "../browser/chromium.ts";
import { CdnUrlRefused, type CdnActivity, type LmsDriver, type LmsUser } from "../lms-driver/lms-driver.ts";
import { createTwinDriver } from "../lms-driver/twin-driver.ts";
import { parseManifest } from "../packages/manifest.ts";
import type { HttpGet } from "../net/https-get.ts";
import { startEmbeddedStack, type EmbeddedStack } from "../stack/embedded-stack.ts";
import { spkiPinsOfPem } from "../tls/spki-pins.ts";
import type { CheckResult } from "./certify-context.ts";
import { playSco } from "./play-sco.ts";

export interface PlayInput {
  /** imsmanifest.xml URLs of the packages. */
  packages: string[];
  lmsOrigin: string;
  /** The built reference bridge (bridge-lms.js for the LMS page). */
  bridgeDir: string;
  /** The LMS's server-side client for the CDN (the same one the HTTP checks used). */
  httpGet: HttpGet;
  /** An extra CA the CDN's certificate chains to; the browser trusts it by SPKI pin. */
  caPem?: string;
  /** Per SCO: player opened to session stored. */
  timeoutMs: number;
  /** HTTP checks that failed before playing, named in a failed play check's evidence. */
  failedChecks: string[];
  onProgress?: (line: string) => void;
}

/** Names as they may be printed: no control characters, bounded. */
export const printable = (s: string, max = 80): string => {
  const isControl = (c: number): boolean =>
    c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
  const clean = [...s].map((ch) => (isControl(ch.charCodeAt(0)) ? "?" : ch)).join("");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
};

/** A package's name for its checks: its folder under /packages/, else its manifest URL's path. */
export function packageLabel(manifestUrl: string): string {
  const url = new URL(manifestUrl);
  const folder = /\/packages\/([^/]+)\/imsmanifest\.xml$/i.exec(url.pathname)?.[1];
  let label = folder ?? url.pathname.replace(/\/imsmanifest\.xml$/i, "");
  try {
    label = decodeURIComponent(label);
  } catch {
    // keep it encoded
  }
  return printable(label);
}

interface PackagePlan {
  label: string;
  manifestUrl: string;
  activity?: CdnActivity;
  /** Why the package cannot be played at all. */
  refusal?: string;
  /** The SCOs of a refused package, as its manifest names them (when it can be read), so each gets its check. */
  scoIds?: string[];
}

/** The SCO identifiers of a manifest certify can fetch and parse itself; none when it cannot. */
async function manifestScoIds(manifestUrl: string, httpGet: HttpGet): Promise<string[]> {
  try {
    const answer = await httpGet(manifestUrl, { timeoutMs: 10_000 });
    if (answer.status !== 200) return [];
    return parseManifest(answer.body.toString("utf8"))
      .items.filter((i) => i.launch && i.scormtype !== "asset")
      .map((i) => i.identifier);
  } catch {
    return [];
  }
}

const playedAs = (lmsOrigin: string): string =>
  `played as the LMS origin ${lmsOrigin}: the embedded LMS (a Moodle twin with the reference bridge) on this machine, under that name in certify's own browser only; the CDN must let that origin frame the bridge page and the content`;

/** Chromium as the suite launches it, with the stack's sites and, when given, the CDN's private CA trusted. */
async function launchBrowser(stack: EmbeddedStack, caPem: string | undefined): Promise<Browser> {
  const choice = chooseChromium();
  const extraPins = caPem ? spkiPinsOfPem(caPem) : [];
  const args = stack
    .browserArgs()
    .map((a) =>
      a.startsWith("--ignore-certificate-errors-spki-list=") && extraPins.length > 0
        ? `${a},${extraPins.join(",")}`
        : a,
    );
  return chromium.launch({ executablePath: choice.executablePath, args: [...baseChromiumArgs(), ...args] });
}

async function planPackages(
  lms: LmsDriver,
  courseId: number,
  packages: string[],
  httpGet: HttpGet,
): Promise<PackagePlan[]> {
  const plans: PackagePlan[] = [];
  for (const manifestUrl of packages) {
    const label = packageLabel(manifestUrl);
    try {
      const activity = await lms.createCdnActivity(courseId, `certify ${label}`, manifestUrl);
      const scoes = activity.scoes.filter((s) => s.scormtype !== "asset");
      plans.push(
        scoes.length > 0
          ? { label, manifestUrl, activity: { ...activity, scoes } }
          : {
              label,
              manifestUrl,
              refusal: "the package has no SCO (only assets): nothing plays through the bridge",
            },
      );
    } catch (error) {
      plans.push({
        label,
        manifestUrl,
        scoIds: await manifestScoIds(manifestUrl, httpGet),
        refusal:
          error instanceof CdnUrlRefused
            ? `the LMS refused the CDN URL when creating the activity (${error.code}): ${error.reason}`
            : `the activity could not be created: ${(error as Error).message}`,
      });
    }
  }
  return plans;
}

/** What a site admin and a teacher do first: whitelist the CDN, a course, one activity per package, a learner. */
async function setUpActivities(
  lms: LmsDriver,
  packages: string[],
  httpGet: HttpGet,
): Promise<{ learner: LmsUser; plans: PackagePlan[] }> {
  await lms.setBridgeSettings({ cdnWhitelist: [...new Set(packages.map((u) => new URL(u).hostname))] });
  const courseId = await lms.createCourse("CDN certification");
  const learner = await lms.createUser("certify-learner");
  await lms.enrol(learner, courseId);
  return { learner, plans: await planPackages(lms, courseId, packages, httpGet) };
}

export async function playPackages(input: PlayInput): Promise<CheckResult[]> {
  const say = input.onProgress ?? (() => undefined);
  const results: CheckResult[] = [];
  const explain = (): string[] =>
    input.failedChecks.length > 0
      ? [`HTTP checks that failed before playing (they may explain this): ${input.failedChecks.join(", ")}`]
      : [];
  const fail = (id: string, title: string, why: string, extra: string[] = []): void => {
    results.push({
      id,
      title,
      passed: false,
      evidence: [`FAILED: ${why}`, ...extra, playedAs(input.lmsOrigin), ...explain()],
    });
    say(`${id}: FAILED (${printable(why, 200)})`);
  };
  const titleOf = (label: string, sco?: string): string =>
    sco
      ? `Play: ${label} SCO ${sco} initialises through the bridge frame served by the CDN and its session lands in the LMS`
      : `Play: ${label} through the bridge frame served by the CDN`;

  say(`play: starting the embedded LMS as ${input.lmsOrigin}`);
  let stack: EmbeddedStack;
  try {
    stack = await startEmbeddedStack({
      bridgeDir: input.bridgeDir,
      lmsOrigin: input.lmsOrigin,
      lmsHttpGet: input.httpGet,
    });
  } catch (error) {
    for (const url of input.packages) {
      const label = packageLabel(url);
      fail(`play:${label}`, titleOf(label), `the embedded LMS could not start: ${(error as Error).message}`);
    }
    return results;
  }
  let browser: Browser | undefined;
  try {
    const lms = createTwinDriver(stack);
    let setup: { learner: LmsUser; plans: PackagePlan[] };
    try {
      setup = await setUpActivities(lms, input.packages, input.httpGet);
    } catch (error) {
      for (const url of input.packages) {
        const label = packageLabel(url);
        fail(`play:${label}`, titleOf(label), `the LMS could not be set up: ${(error as Error).message}`);
      }
      return results;
    }
    const { learner, plans } = setup;

    let browserProblem: string | null = null;
    if (plans.some((p) => p.activity)) {
      try {
        browser = await launchBrowser(stack, input.caPem);
        say(`play: Chromium ${browser.version()} started`);
      } catch (error) {
        browserProblem = `no browser to play in: ${(error as Error).message.split("\n")[0]}`;
      }
    }
    for (const plan of plans) {
      if (!plan.activity) {
        const why = plan.refusal ?? "not played";
        if (!plan.scoIds?.length) fail(`play:${plan.label}`, titleOf(plan.label), why);
        for (const sco of plan.scoIds ?? []) {
          const scoName = printable(sco);
          fail(`play:${plan.label}/${scoName}`, titleOf(plan.label, scoName), why);
        }
        continue;
      }
      const version = versionFromColumn(plan.activity.version);
      for (const sco of plan.activity.scoes) {
        const scoName = printable(sco.identifier);
        const id = `play:${plan.label}/${scoName}`;
        if (!browser) {
          fail(id, titleOf(plan.label, scoName), browserProblem ?? "no browser");
          continue;
        }
        say(`${id}: playing`);
        const played = await playSco({
          browser,
          lms,
          learner,
          activity: plan.activity,
          sco,
          version,
          cdnOrigin: new URL(plan.manifestUrl).origin,
          timeoutMs: input.timeoutMs,
        });
        results.push({
          id,
          title: titleOf(plan.label, scoName),
          passed: played.passed,
          evidence: [...played.evidence, playedAs(input.lmsOrigin), ...(played.passed ? [] : explain())],
        });
        say(`${id}: ${played.passed ? "passed" : "FAILED"} (${played.elapsedMs} ms)`);
      }
    }
    return results;
  } finally {
    await browser?.close();
    await stack.close();
  }
}
