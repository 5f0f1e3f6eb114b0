// The JSON a golden parity test attaches: notes, each session's calls, the judged differences, API differences.
import type { ProbeResult } from "../probe/probe-client.ts";
import type { Verdict } from "./divergence-expectations.ts";
import { apiDifferences } from "./probe-log-diff.ts";
import type { ReplayResult } from "./replayer.ts";
import type { ScenarioScope } from "./scenario-scope.ts";
import type { GoldenScenario } from "./scenario-types.ts";
import { comparable, type Difference } from "./stored-values-diff.ts";

const short = (s: string | null) => (s === null ? null : comparable(s).shown);

function call(r: ProbeResult) {
  return {
    fn: r.fn,
    args: r.args.map(short),
    ret: short(r.ret),
    err: r.err,
    ...(r.retType ? { retType: r.retType } : {}),
  };
}

export function replayReport(
  scenario: GoldenScenario,
  scope: ScenarioScope,
  replay: ReplayResult,
  differences: readonly Difference[],
  verdict: Verdict,
): string {
  return JSON.stringify(
    {
      scenario: scenario.name,
      scope: { kind: scope.kind, reason: scope.reason },
      notes: replay.notes,
      sessions: replay.sessions.map((s) => ({
        launch: s.launch,
        sco: s.sco,
        session: s.session,
        terminated: s.terminated,
        commits: s.commits,
        unmetExpectations: s.unmetExpectations,
        calls: s.results.map(call),
      })),
      stored: replay.tracks.map((t) => ({
        scoid: t.scoid,
        attempt: t.attempt,
        element: t.element,
        value: short(t.value),
      })),
      differences,
      matched: verdict.matched.map((m) => ({ ...m.difference, reason: m.entry.reason })),
      unlisted: verdict.unlisted,
      stale: verdict.stale,
      /** Not asserted: return values and error codes that differ from the probe log under Moodle's player. */
      apiDifferences: apiDifferences(scenario, replay.sessions),
    },
    null,
    2,
  );
}
