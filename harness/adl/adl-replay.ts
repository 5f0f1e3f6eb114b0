// Replays ADL's scripted visits through the bridge in the browser: each ADL package is published to the CDN
// with the probe SCO in every resource and becomes one activity; each visit is one launch of its item's SCO in
// the same learner's browser, all of its steps in one batch of probe calls, then Terminate (if the script did
// not end the session itself) so the next visit starts from what the LMS stored.
import type { Browser, Page } from "@playwright/test";
import type { CdnActivity, LmsDriver, LmsUser } from "../lms-driver/lms-driver.ts";
import { openLearnerSession, type LearnerSession } from "../probe/learner-session.ts";
import { waitForProbe, type ProbeCall, type ProbeResult } from "../probe/probe-client.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { adlPackageOf, probeManifest, readAdlManifest } from "./adl-package.ts";
import type { AdlStep, AdlVisit } from "./adl-script.ts";

const API_2004: Record<AdlStep["method"], string> = {
  I: "Initialize",
  T: "Terminate",
  C: "Commit",
  GET: "GetValue",
  SET: "SetValue",
  GES: "GetErrorString",
  GLE: "GetLastError",
  GeDi: "GetDiagnostic",
};

export const ADL_LEARNER = { username: "m", names: { firstname: "", lastname: "" } } as const;

/** Navigation requests that make the player launch another SCO; the replay launches the next visit itself. */
const NAVIGATING = /^(\{target=[^}]*\}choice|continue|previous)$/;

/**
 * The calls of one visit: its steps, then (unless the script asked for something else, such as suspendAll)
 * no navigation request, and Terminate.
 */
export function visitCalls(visit: AdlVisit): ProbeCall[] {
  const calls = visit.steps.map(probeCall);
  const lastNav = visit.steps.filter((s) => s.method === "SET" && s.argument === "adl.nav.request").at(-1);
  const keepNav = lastNav !== undefined && !NAVIGATING.test(lastNav.value ?? "");
  return [
    ...calls,
    ...(keepNav ? [] : [["SetValue", "adl.nav.request", "_none_"] as ProbeCall]),
    ["Terminate", ""],
  ];
}

export function probeCall(step: AdlStep): ProbeCall {
  const fn = API_2004[step.method];
  if (step.method === "SET") return [fn, step.argument, step.value ?? ""];
  if (step.method === "GLE") return [fn];
  return [fn, step.argument];
}

export interface VisitResult {
  visit: AdlVisit;
  results: ProbeResult[];
}

export async function replayAdlVisits(
  browser: Browser,
  stack: EmbeddedStack,
  lms: LmsDriver,
  corpusDir: string,
  visits: AdlVisit[],
): Promise<VisitResult[]> {
  const course = await lms.createCourse("ADL replay");
  // ADL's DMI script reads back its own test learner: learner_id "m", learner_name "".
  const learner: LmsUser = await lms.createUser(ADL_LEARNER.username, ADL_LEARNER.names);
  await lms.enrol(learner, course);
  const activities = new Map<string, CdnActivity>();
  const activityFor = async (pkg: string): Promise<CdnActivity> => {
    let activity = activities.get(pkg);
    if (!activity) {
      const manifest = probeManifest(readAdlManifest(corpusDir, pkg));
      const url = await stack.publishProbePackage(`adl-${pkg.toLowerCase().replace(/_/g, "-")}`, manifest);
      activity = await lms.createCdnActivity(course, pkg, url);
      activities.set(pkg, activity);
    }
    return activity;
  };

  const out: VisitResult[] = [];
  let session: LearnerSession | undefined;
  try {
    for (const visit of visits) {
      const { pkg, item } = adlPackageOf(visit.testCase, visit.activity);
      const activity = await activityFor(pkg);
      const scoIndex = activity.scoes.findIndex((s) => s.identifier === item);
      if (scoIndex < 0) throw new Error(`${pkg} has no launchable item ${item}`);
      let page: Page;
      let probe;
      if (!session) {
        session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner, scoIndex);
        ({ page, probe } = session);
      } else {
        page = await session.context.newPage();
        await page.goto(lms.playerUrl(activity, activity.scoes[scoIndex]!.id));
        probe = await waitForProbe(page, stack.origins.cdn);
      }
      // The visit ends when the LMS has stored its Terminate: the next visit starts from what it stored.
      const terminated = page
        .waitForResponse(
          (r) =>
            r.url().includes("/lib/ajax/service.php") &&
            (r.request().postData() ?? "").includes('"terminate":true'),
          { timeout: 30_000 },
        )
        .then(
          () => null,
          (error: unknown) => String(error),
        );
      const calls = visitCalls(visit);
      const results = await probe.run(calls).catch((error: unknown) => {
        throw new Error(`ADL visit ${visit.testCase}/${visit.activity}V${visit.visit}: ${String(error)}`);
      });
      const last = results.at(-1);
      // A session the script could not open (or already ended) has no Terminate to wait for.
      if (
        last?.ret === "true" ||
        visit.steps.some((s, i) => s.method === "T" && results[i]?.ret === "true")
      ) {
        const failure = await terminated;
        if (failure !== null)
          throw new Error(
            `ADL visit ${visit.testCase}/${visit.activity}V${visit.visit}: Terminate never reached the LMS: ${failure}`,
          );
      }
      out.push({ visit, results: results.slice(0, visit.steps.length) });
      await page.close();
    }
  } finally {
    await session?.close();
  }
  return out;
}
