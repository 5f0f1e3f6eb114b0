// Replays one golden scenario through the bridge on the twin and judges the result against the documented
// divergences: stored values, the learner's grade and completion after each launch, the view page's attempt status
// before each Enter, and the log events. Shared by
// the golden parity test and `pnpm golden`.
import type { LmsDriver } from "../lms-driver/lms-driver.ts";
import { judge, type ListedDivergence, type Verdict } from "./divergence-expectations.ts";
import { diffGradeStates } from "./gradebook-diff.ts";
import { diffEventKeys, goldenEventKeys, twinEventKeys } from "./log-events-diff.ts";
import { checkDirectRequests } from "./direct-replayer.ts";
import { replayScenario, type ReplayDeps, type ReplayResult } from "./replayer.ts";
import { replayReport } from "./replay-report.ts";
import type { ScenarioScope } from "./scenario-scope.ts";
import type { GoldenScenario } from "./scenario-types.ts";
import { diffRows, goldenRows, twinRows, type Difference } from "./stored-values-diff.ts";
import { diffViewPages } from "./view-page-diff.ts";

export interface JudgedReplay {
  differences: Difference[];
  verdict: Verdict;
  /** The JSON report of the replay (replay-report.ts). */
  report: string;
}

/** The learner's log rows about the replayed activity: its module context, and its course for core events. */
async function learnerEvents(lms: LmsDriver, replay: ReplayResult) {
  return (await lms.logEvents()).filter(
    (r) =>
      r.userid === replay.user.id &&
      (r.contextinstanceid === replay.activity.cmid ||
        (r.contextlevel === 50 && r.courseid === replay.courseid)),
  );
}

export async function replayAndJudge(
  deps: ReplayDeps,
  scenario: GoldenScenario,
  scope: ScenarioScope,
  listed: readonly ListedDivergence[],
): Promise<JudgedReplay> {
  if (scope.kind === "direct") {
    const check = await checkDirectRequests(deps, scenario);
    const verdict = judge(check.differences, listed);
    const report = JSON.stringify(
      { scenario: scenario.name, scope, notes: check.notes, outcomes: check.outcomes, verdict },
      null,
      2,
    );
    return { differences: check.differences, verdict, report };
  }
  const replay = await replayScenario(deps, scenario, scope);
  const lastLaunch = scope.launches[scope.launches.length - 1]!.index;
  const expected = goldenRows(scenario, lastLaunch);
  // A SCO the native player reached by auto-continue got no x.start.time; the replay's own load of it did.
  const actual = twinRows(replay.tracks, replay.scoIdentifiers).filter(
    (r) => !(r.element === "x.start.time" && scope.navigatedScos.includes(r.sco)),
  );
  const expectedEvents = goldenEventKeys(scenario, lastLaunch);
  const attemptNumber = (id: number) =>
    Number(
      deps.stack.twin.query("SELECT attempt FROM mdl_scorm_attempt WHERE id = ?", [id])[0]?.attempt ?? 0,
    );
  const namesOnly = lastLaunch !== scenario.launches.length - 1;
  const loggedEvents = twinEventKeys(
    await learnerEvents(deps.lms, replay),
    replay.scoIdentifiers,
    attemptNumber,
    namesOnly,
  );
  const differences = [
    ...diffRows(expected, actual),
    ...diffGradeStates(scenario, replay.grades),
    ...diffViewPages(scenario, replay.views),
    ...(expectedEvents ? diffEventKeys(expectedEvents, loggedEvents) : []),
  ];
  const verdict = judge(differences, listed);
  return {
    differences,
    verdict,
    report: replayReport(scenario, scope, replay, differences, verdict),
  };
}
