// Replays one golden scenario through the bridge on the embedded stack and collects what the twin stored.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Request } from "@playwright/test";
import type { CdnActivity, LmsDriver, LmsUser, StoredTrack } from "../lms-driver/lms-driver.ts";
import { openLearnerSession, type LearnerSession } from "../probe/learner-session.ts";
import { waitForProbe, type ProbeCall, type ProbeResult } from "../probe/probe-client.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { actorRole, capabilityOverrides } from "./actor-people.ts";
import { applyActivitySettings, applyGradingSetup, applyScoData } from "./activity-settings.ts";
import type { GradeObservation } from "./gradebook-diff.ts";
import { resolveArg } from "./generated-values.ts";
import { buildManifestFromFacts } from "./manifest-from-facts.ts";
import type { ScenarioScope } from "./scenario-scope.ts";
import type { GoldenScenario, ScriptCall } from "./scenario-types.ts";
import type { ViewObservation } from "./view-page-diff.ts";
import { comparable, type ShownValue } from "./stored-values-diff.ts";

export interface ReplayDeps {
  browser: Browser;
  stack: EmbeddedStack;
  lms: LmsDriver;
}

export interface ReplayedSession {
  launch: number;
  sco: string;
  session: number;
  results: ProbeResult[];
  /** After a successful LMSFinish/Terminate: whether the twin marked the launch terminated (null: no finish). */
  terminated: boolean | null;
  /** The bridge's commit requests seen from the player page: elements sent and the terminate flag. */
  commits: Array<{ elements: string[]; terminate: boolean }>;
  /** Calls whose script said what they should return, and what they returned here instead. */
  unmetExpectations: Array<{ call: number; fn: string; expected: ShownValue; got: ShownValue | null }>;
}

export interface ReplayResult {
  /** The course the replay created for the scenario (its core events are logged in its context). */
  courseid: number;
  activity: CdnActivity;
  user: LmsUser;
  scoIdentifiers: Map<number, string>;
  sessions: ReplayedSession[];
  tracks: StoredTrack[];
  /** The learner's gradebook grade and completion state read through the LMS driver after each launch. */
  grades: GradeObservation[];
  /** Settings or facts the twin could not take as Moodle had them. */
  notes: string[];
  /** The view page's text before each Enter the replay pressed. */
  views: ViewObservation[];
}

export interface StableOptions {
  quietMs: number;
  maxMs: number;
  intervalMs: number;
}

const STABLE: StableOptions = { quietMs: 300, maxMs: 5_000, intervalMs: 50 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let packages = 0;

/** Polls the stored rows until they have not changed for `quietMs` (or `maxMs` has passed); returns the last read. */
export async function waitForStableTracks(
  read: () => Promise<StoredTrack[]>,
  options: StableOptions = STABLE,
): Promise<StoredTrack[]> {
  const fingerprint = (rows: StoredTrack[]) =>
    JSON.stringify(rows.map((r) => [r.scoid, r.attempt, r.element, r.value]));
  const start = Date.now();
  let rows = await read();
  let last = fingerprint(rows);
  let since = Date.now();
  while (Date.now() - since < options.quietMs && Date.now() - start < options.maxMs) {
    await sleep(options.intervalMs);
    rows = await read();
    const now = fingerprint(rows);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return rows;
}

/** The elements and terminate flag of a bridge commit request to Moodle's ajax service, else null. */
export function describeCommit(
  url: string,
  body: string | null,
): { elements: string[]; terminate: boolean } | null {
  if (!url.includes("/lib/ajax/service.php") || !body) return null;
  try {
    const calls = JSON.parse(body) as Array<{
      methodname?: string;
      args?: { ops?: Array<{ element?: string }>; terminate?: boolean };
    }>;
    const call = calls.find((c) => c.methodname === "local_externalscormbridge_commit");
    if (!call) return null;
    return {
      elements: (call.args?.ops ?? []).map((op) => String(op.element)),
      terminate: call.args?.terminate === true,
    };
  } catch {
    return null;
  }
}

/**
 * Waits (at most `maxMs`) until the user's latest bridge launch of the activity is marked terminated by the twin,
 * i.e. the commit carrying LMSFinish/Terminate was stored. Returns false on timeout or without that table.
 */
export async function waitForTerminated(
  stack: EmbeddedStack,
  scormid: number,
  userid: number,
  maxMs = STABLE.maxMs,
): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    let row: Record<string, unknown> | undefined;
    try {
      row = stack.twin.query(
        `SELECT finished FROM mdl_local_extscormbridge_launch
          WHERE scormid = ? AND userid = ? ORDER BY id DESC LIMIT 1`,
        [scormid, userid],
      )[0];
    } catch {
      return false;
    }
    if (Number(row?.finished) > 0) return true;
    if (Date.now() > deadline) return false;
    await sleep(STABLE.intervalMs);
  }
}

/** Waits (at most `maxMs`) until the user has a bridge launch of the SCO; false on timeout. */
export async function waitForLaunchOf(
  stack: EmbeddedStack,
  scormid: number,
  userid: number,
  scoid: number,
  maxMs = STABLE.maxMs,
): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  while (Date.now() <= deadline) {
    const row = stack.twin.query(
      "SELECT id FROM mdl_local_extscormbridge_launch WHERE scormid = ? AND userid = ? AND scoid = ?",
      [scormid, userid, scoid],
    )[0];
    if (row) return true;
    await sleep(STABLE.intervalMs);
  }
  return false;
}

/** A script call as the probe runs it, generated values spelled out. */
export function toProbeCall(call: ScriptCall): { call: ProbeCall; expect?: string } {
  if (Array.isArray(call)) {
    const [fn, ...args] = call;
    return { call: [fn, ...args.map(resolveArg)] };
  }
  const expect = call.expect === undefined ? undefined : resolveArg(call.expect);
  return { call: [call.fn, ...call.args.map(resolveArg)], ...(expect === undefined ? {} : { expect }) };
}

/** Publishes the scenario's package: manifest from its facts, the probe SCO under each launch file name. */
async function publishPackage(
  stack: EmbeddedStack,
  s: GoldenScenario,
): Promise<{ url: string; notes: string[] }> {
  const manifest = buildManifestFromFacts(s.name, s.scorm_version, s.manifest_facts);
  const slug = s.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const name = `golden-${slug}-${process.pid}-${++packages}`;
  const url = await stack.publishProbePackage(name, manifest.xml);
  const dir = path.join(stack.storageDir, name);
  for (const file of manifest.launchFiles) {
    const target = path.join(dir, ...file.split("/"));
    if (!target.startsWith(dir + path.sep)) throw new Error(`Launch file ${file} leaves the package`);
    await mkdir(path.dirname(target), { recursive: true });
    if (path.dirname(target) !== dir)
      await copyFile(path.join(dir, "probe.js"), path.join(path.dirname(target), "probe.js"));
    if (file !== "sco.html") await copyFile(path.join(dir, "sco.html"), target);
  }
  return { url, notes: manifest.notes };
}

/** The scenario's course, learner (with the actor's role) and activity on the twin, with Moodle's settings. */
export async function setUpScenario(deps: ReplayDeps, s: GoldenScenario) {
  const { stack, lms } = deps;
  const published = await publishPackage(stack, s);
  const course = await lms.createCourse(`Golden ${s.name}`);
  const user = await lms.createUser();
  await lms.enrol(user, course, actorRole(s) ?? "student");
  const activity = await lms.createCdnActivity(course, `GOLDEN ${s.name}`, published.url);
  for (const o of capabilityOverrides(s) ?? [])
    await lms.overrideCapability(activity, o.role, o.capability, o.permission);
  const notes = [
    ...published.notes,
    ...applyActivitySettings(stack.twin, activity.scormid, s.activity_settings),
    ...applyScoData(stack.twin, activity.scormid, s.manifest_facts),
    ...applyGradingSetup(stack.twin, activity, s.activity_settings),
  ];
  return { course, user, activity, notes, packageUrl: published.url };
}

/**
 * The same learner session once the bridge has followed a navigation request to SCO `scoid`: the player page for
 * that SCO has loaded in this page and its probe answers.
 */
async function followNavigation(
  learner: LearnerSession,
  stack: EmbeddedStack,
  scormid: number,
  userid: number,
  scoid: number,
): Promise<LearnerSession> {
  if (!(await waitForLaunchOf(stack, scormid, userid, scoid)))
    throw new Error(`The bridge did not follow the navigation request to SCO id ${scoid}`);
  await learner.page.waitForURL((url) => url.searchParams.get("scoid") === String(scoid));
  const probe = await waitForProbe(learner.page, stack.origins.cdn);
  return { ...learner, probe };
}

export async function replayScenario(
  deps: ReplayDeps,
  s: GoldenScenario,
  scope: ScenarioScope,
): Promise<ReplayResult> {
  if (scope.kind !== "full" && scope.kind !== "prefix")
    throw new Error(`${s.name} is not replayed through a player: ${scope.reason}`);
  const { browser, stack, lms } = deps;
  const { course, user, activity, notes } = await setUpScenario(deps, s);
  const scoIdentifiers = new Map(activity.scoes.map((x) => [x.id, x.identifier]));
  const read = () => lms.tracks(activity, user);

  const sessions: ReplayedSession[] = [];
  const perSco = new Map<string, number>();
  let tracks: StoredTrack[] = [];
  const grades: GradeObservation[] = [];
  const views: ViewObservation[] = [];
  // A SCO the bridge loaded in the same page after the previous SCO's navigation request, as Moodle's player did.
  let followed: LearnerSession | null = null;
  for (const [n, launch] of scope.launches.entries()) {
    const sco = launch.sco ?? scope.sco;
    const scoIndex = activity.scoes.findIndex((x) => x.identifier === sco);
    if (scoIndex < 0) throw new Error(`The twin activity has no SCO ${sco}`);
    const session = perSco.get(sco) ?? 0;
    perSco.set(sco, session + 1);
    const script = s.script[sco]?.[session];
    if (!script) throw new Error(`${s.name}: no script for ${sco} session ${session}`);
    const calls = script.map(toProbeCall);

    const learner =
      followed ??
      (await openLearnerSession(browser, lms, stack.origins.cdn, activity, user, scoIndex, undefined, {
        newAttempt: launch.newattempt,
        // The recorded learner pressed Enter on view.php (which logs course_module_viewed); a SCO the native
        // player reached by itself, or a separate player load, did not pass through it.
        viaView: launch.via === "enter" && !launch.navigated,
        onView: async (page) => {
          views.push({ launch: launch.index, text: (await page.locator("body").innerText()).split("\n") });
        },
      }));
    followed = null;
    let results: ProbeResult[];
    let terminated: boolean | null = null;
    const commits: ReplayedSession["commits"] = [];
    const onRequest = (request: Request): void => {
      const commit = describeCommit(request.url(), request.postData());
      if (commit) commits.push(commit);
    };
    learner.page.on("request", onRequest);
    try {
      results = await learner.probe.run(calls.map((c) => c.call));
      // Native LMSFinish stores synchronously; the bridge delivers afterwards. Let it finish before the page
      // goes away, so the comparison is about what is stored, not about a race with closing the tab.
      const finished = results.some((r) => /^(LMSFinish|Terminate)$/.test(r.fn) && r.ret === "true");
      if (finished) terminated = await waitForTerminated(stack, activity.scormid, user.id);
      // A navigation request the bridge follows loads the player for the next SCO in this page: the next launch
      // runs its script there, as the recorded one ran in the page Moodle's player had loaded it into.
      const next = scope.launches[n + 1];
      if (
        finished &&
        next?.navigated &&
        calls.some((c) => c.call[0] === "SetValue" && c.call[1] === "adl.nav.request")
      ) {
        const target = activity.scoes.find((x) => x.identifier === next.sco);
        if (!target) throw new Error(`${s.name}: the twin activity has no SCO ${next.sco}`);
        followed = await followNavigation(learner, stack, activity.scormid, user.id, target.id);
      }
      await waitForStableTracks(read);
    } finally {
      learner.page.off("request", onRequest);
      if (!followed) await learner.close();
    }
    tracks = await waitForStableTracks(read);
    grades.push({
      afterLaunch: launch.index,
      grade: await lms.gradebookGrade(activity, user),
      completion: await lms.completionState(activity, user),
    });

    const unmetExpectations: ReplayedSession["unmetExpectations"] = [];
    calls.forEach((c, i) => {
      const got = results[i]?.ret ?? null;
      if (c.expect !== undefined && got !== c.expect) {
        const shown = (x: string) => comparable(x).shown;
        unmetExpectations.push({
          call: i,
          fn: `${c.call[0]}(${c.call
            .slice(1)
            .map((a) => JSON.stringify(shown(a)))
            .join(", ")})`,
          expected: shown(c.expect),
          got: got === null ? null : shown(got),
        });
      }
    });
    sessions.push({ launch: launch.index, sco, session, results, unmetExpectations, terminated, commits });
  }
  return { courseid: course, activity, user, scoIdentifiers, sessions, tracks, grades, notes, views };
}
