// P11 Multi-SCO support.
// Requirement: in a package of n SCOs, each SCO's tracking is stored against its own SCO id; moving between SCOs
// resets the runtime (no leaking total_time, error state or values); the table of contents and 2004 navigation
// requests (continue, previous, choice) work; the grade over SCOs follows the grade method.
// Spec: SCORM 2004 4th RTE 3.1 (each SCO its own run-time instance), SN (navigation requests); moodle-scorm-contract
// §1.1 (player per SCO), §3.2 (grade over SCOs). What a 2004 relaunch reloads follows Moodle 4.5.6 (golden
// s2004_relaunch_without_suspend): only a suspended SCO resumes with its values and total_time; otherwise it starts
// ab-initio with nothing reloaded and its Terminate replaces total_time.
// Observes: the probe SCO in the browser (API results after each move), the player's table of contents (found
// through the LMS driver: the twin's, or mod_scorm's own tree on a real Moodle), the page
// URL, mod_scorm's tables and the gradebook through the LMS driver; grades from the oracle harness/oracles/.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnActivity, LmsDriver, LmsUser, StoredTrack } from "../../harness/lms-driver/lms-driver.ts";
import { gradeForUser, gradebookRow, type GradingRules } from "../../harness/oracles/moodle-grading.ts";
import { intervalSeconds } from "../../harness/oracles/scorm-value-compare.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { openNewLearnerSession } from "../../harness/probe/learner-session.ts";
import { waitForProbe, type ProbeCall, type ProbeHandle } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { scoTourArbitrary, type ScoTour, type Visit } from "../generators/sco-tour-arbitrary.ts";

const META = requireProperty("P11");
const SCO_COUNT = 3;

/** What the learner's SCOs should hold, per SCO index, as the tour goes. */
interface ScoModel {
  suspended: boolean;
  totalSeconds: number;
  location?: string;
  score?: number;
  completed: boolean;
}

function leaveCalls(next: ScoTour["visits"][number] | undefined, identifiers: string[]): ProbeCall[] {
  if (!next || next.move === "toc") return [["Terminate", ""]];
  const request = next.move === "choice" ? `{target=${identifiers[next.sco]}}choice` : next.move;
  return [
    ["SetValue", "adl.nav.request", request],
    ["Terminate", ""],
  ];
}

function visitCalls(v: Visit): ProbeCall[] {
  const calls: ProbeCall[] = [
    ["SetValue", "cmi.location", v.location],
    ["SetValue", "cmi.session_time", `PT${v.sessionSeconds}S`],
  ];
  if (v.score !== null) calls.push(["SetValue", "cmi.score.raw", String(v.score)]);
  if (v.completion) calls.push(["SetValue", "cmi.completion_status", v.completion]);
  if (v.suspend) calls.push(["SetValue", "cmi.exit", "suspend"]);
  if (v.leaveError) calls.push(["GetValue", "cmi.no_such_element"]);
  return calls;
}

async function arrive(page: Page, cdnOrigin: string, scoid: number): Promise<ProbeHandle> {
  await page
    .waitForURL(new RegExp(`[?&]scoid=${scoid}(&|$)`), { timeout: 15_000 })
    .catch((error: unknown) => {
      throw new Error(`the player never reached SCO id ${scoid}; it is at ${page.url()}`, { cause: error });
    });
  return waitForProbe(page, cdnOrigin);
}

async function playTour(
  lms: LmsDriver,
  tour: ScoTour,
  activity: CdnActivity,
  start: { page: Page; probe: ProbeHandle },
  cdnOrigin: string,
): Promise<ScoModel[]> {
  const identifiers = activity.scoes.map((s) => s.identifier);
  const model: ScoModel[] = activity.scoes.map(() => ({
    suspended: false,
    totalSeconds: 0,
    completed: false,
  }));
  let probe = start.probe;
  for (const [i, v] of tour.visits.entries()) {
    const sco = model[v.sco]!;
    const resumed = sco.suspended;
    const [lastError, init, total, entry, location] = await probe.run([
      ["GetLastError"],
      ["Initialize", ""],
      ["GetValue", "cmi.total_time"],
      ["GetValue", "cmi.entry"],
      ["GetValue", "cmi.location"],
    ]);
    const where = `visit ${i} (SCO ${v.sco + 1}, by ${v.move})`;
    expect(lastError?.ret, `${where}: error state left by the SCO before`).toBe("0");
    expect(init, where).toMatchObject({ ret: "true", err: "0" });
    expect(entry?.ret, `${where}: cmi.entry`).toBe(resumed ? "resume" : "ab-initio");
    expect(location?.ret, `${where}: cmi.location`).toBe(resumed ? (sco.location ?? "") : "");
    expect(intervalSeconds(total?.ret ?? ""), `${where}: cmi.total_time ${total?.ret}`).toBe(
      resumed ? sco.totalSeconds : 0,
    );

    const next = tour.visits[i + 1];
    const results = await probe.run([...visitCalls(v), ...leaveCalls(next, identifiers)]);
    expect(results.at(-1), `${where}: Terminate`).toMatchObject({ ret: "true", err: "0" });
    sco.totalSeconds = (resumed ? sco.totalSeconds : 0) + v.sessionSeconds;
    sco.suspended = v.suspend;
    sco.location = v.location;
    if (v.score !== null) sco.score = v.score;
    if (v.completion) sco.completed = true;
    if (!next) break;
    const target = activity.scoes[next.sco]!;
    if (next.move === "toc") await lms.tocLinks(start.page).nth(next.sco).click();
    probe = await arrive(start.page, cdnOrigin, target.id);
  }
  return model;
}

function expectedRowsMatch(rows: StoredTrack[], activity: CdnActivity, model: ScoModel[]): string[] {
  const problems: string[] = [];
  for (const [index, sco] of activity.scoes.entries()) {
    const want = model[index]!;
    const mine = new Map(rows.filter((r) => r.scoid === sco.id).map((r) => [r.element, r.value]));
    if (want.location === undefined) {
      if ([...mine.keys()].some((e) => e.startsWith("cmi.")))
        problems.push(`SCO ${index + 1} was never visited but holds ${[...mine.keys()].join(", ")}`);
      continue;
    }
    if (mine.get("cmi.location") !== want.location)
      problems.push(`SCO ${index + 1} cmi.location ${mine.get("cmi.location")} != ${want.location}`);
    if (intervalSeconds(mine.get("cmi.total_time") ?? "") !== want.totalSeconds)
      problems.push(`SCO ${index + 1} cmi.total_time ${mine.get("cmi.total_time")} != ${want.totalSeconds}s`);
    if (want.score !== undefined && Number(mine.get("cmi.score.raw")) !== want.score)
      problems.push(`SCO ${index + 1} cmi.score.raw ${mine.get("cmi.score.raw")} != ${want.score}`);
    if (want.completed && mine.get("cmi.completion_status") !== "completed")
      problems.push(`SCO ${index + 1} cmi.completion_status ${mine.get("cmi.completion_status")}`);
  }
  return problems;
}

async function checkGrade(
  lms: LmsDriver,
  activity: CdnActivity,
  user: LmsUser,
  tour: ScoTour,
  rows: StoredTrack[],
) {
  const rules: GradingRules = {
    grademethod: tour.grademethod,
    whatgrade: 0,
    maxgrade: 100,
    maxattempt: 0,
    version: "2004",
  };
  const stored = rows.map((r) => ({ attempt: r.attempt, sco: r.scoid, element: r.element, value: r.value }));
  const graded = rows.some((r) => r.element === "cmi.score.raw" || r.value === "completed");
  const raw = graded
    ? gradeForUser(
        rules,
        activity.scoes.map((s) => s.id),
        [1],
        stored,
      )
    : null;
  const want = gradebookRow(rules, activity.scoes.length, raw);
  const got = await eventually(
    () => lms.gradebookGrade(activity, user),
    (g) => (g?.finalgrade ?? null) === want.finalgrade,
  );
  expect(
    { rawgrade: got?.rawgrade ?? null, finalgrade: got?.finalgrade ?? null },
    `grade method ${tour.grademethod}`,
  ).toEqual({
    rawgrade: want.rawgrade,
    finalgrade: want.finalgrade,
  });
}

const visit = (over: Partial<Visit>): Visit => ({
  location: "here",
  sessionSeconds: 5,
  score: null,
  completion: null,
  suspend: false,
  leaveError: false,
  ...over,
});

const EXAMPLES: ScoTour[] = [
  {
    grademethod: 3,
    visits: [
      { ...visit({ location: "one", score: 40, suspend: true, leaveError: true }), sco: 0, move: "toc" },
      { ...visit({ location: "two", score: 30, completion: "completed" }), sco: 1, move: "continue" },
      { ...visit({ location: "three" }), sco: 2, move: "toc" },
      { ...visit({ location: "one again", sessionSeconds: 7 }), sco: 0, move: "choice" },
      { ...visit({ location: "two again" }), sco: 1, move: "continue" },
    ],
  },
];

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  test.setTimeout(240_000);
  const manifest = await readFile(
    path.join(PACKAGES_DIR, "probe-scorm2004-multi", "imsmanifest.xml"),
    "utf8",
  );
  const url = await stack.publishProbePackage("p11-multi", manifest);
  const course = await lms.createCourse("P11 course");
  let run = 0;

  await runProperty(
    testInfo,
    META,
    scoTourArbitrary(SCO_COUNT),
    async (tour) => {
      run += 1;
      const activity = await lms.createCdnActivity(course, `P11 tour ${run}`, url, {
        grademethod: tour.grademethod,
        whatgrade: 0,
        maxgrade: 100,
      });
      expect(activity.scoes).toHaveLength(SCO_COUNT);
      const { learner: user, session } = await openNewLearnerSession(
        browser,
        lms,
        stack.origins.cdn,
        course,
        activity,
      );
      try {
        await expect(lms.tocLinks(session.page)).toHaveCount(SCO_COUNT);
        const model = await playTour(lms, tour, activity, session, stack.origins.cdn);
        const rows = await eventually(
          () => lms.tracks(activity, user),
          (r) => expectedRowsMatch(r, activity, model).length === 0,
          10_000,
        );
        expect(expectedRowsMatch(rows, activity, model), "stored tracks per SCO").toEqual([]);
        await checkGrade(lms, activity, user, tour, rows);
      } finally {
        await session.close();
      }
    },
    { defaultRuns: 3, examples: EXAMPLES },
  );
});
