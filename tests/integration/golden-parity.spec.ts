// Golden parity: each in-scope scenario recorded on a real Moodle 4.5.6 is replayed through the bridge on the
// embedded stack; the twin must store what Moodle stored — values, and after each launch the learner's gradebook
// grade and completion state, and the log events — except divergences documented with a reason. dm_* scenarios'
// hand-made datamodel.php requests are sent as plugin API requests instead (direct-replayer.ts).
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  EXPECTATIONS_PATH,
  expectationsProblems,
  loadExpectations,
  verdictMessage,
} from "../../harness/golden/divergence-expectations.ts";
import { fnv1a32, isGenSpec, isValueSummary, resolveArg } from "../../harness/golden/generated-values.ts";
import { replayAndJudge } from "../../harness/golden/judge-replay.ts";
import { loadGoldenCorpus } from "../../harness/golden/scenario-loader.ts";
import { scenarioScope } from "../../harness/golden/scenario-scope.ts";
import type { GoldenScenario } from "../../harness/golden/scenario-types.ts";

const corpus = loadGoldenCorpus();
const scopes = new Map(corpus.scenarios.map((s) => [s.name, scenarioScope(s)]));

test.describe.configure({ mode: "parallel" });
test.skip(!corpus.available, corpus.notice);

/** Every generated script argument next to the summary the probe logged for it. */
function generatedArgs(s: GoldenScenario) {
  const out: Array<{ where: string; value: string; len: number; fnv: string }> = [];
  for (const log of s.probe_log ?? []) {
    for (const c of log.calls) {
      const call = s.script[log.sco]?.[log.session]?.[c.i];
      const args = Array.isArray(call) ? call.slice(1) : (call?.args ?? []);
      args.forEach((arg, j) => {
        const logged = c.args[j];
        if (isGenSpec(arg) && isValueSummary(logged)) {
          out.push({ where: `${log.sco}/${log.session}/${c.i}/${j}`, value: resolveArg(arg), ...logged });
        }
      });
    }
  }
  return out;
}

test("golden generator and FNV-1a reproduce the values the probe logged", () => {
  const checked = corpus.scenarios.flatMap((s) =>
    generatedArgs(s).map((g) => ({
      where: `${s.name} ${g.where}`,
      ours: `${g.value.length}/${fnv1a32(g.value)}`,
      logged: `${g.len}/${g.fnv}`,
    })),
  );
  expect(checked.length, "no generated argument with a logged summary found").toBeGreaterThan(0);
  for (const c of checked) expect(c.ours, c.where).toBe(c.logged);
});

test(`${EXPECTATIONS_PATH} covers every golden scenario with the replay's scope and reasons`, () => {
  const problems = expectationsProblems(loadExpectations(), scopes);
  expect(problems, problems.join("\n")).toEqual([]);
});

for (const scenario of corpus.scenarios) {
  const scope = scopes.get(scenario.name)!;
  if (scope.kind === "out") {
    test(`golden ${scenario.name}: out of scope`, () => {
      test.skip(true, scope.reason);
    });
    continue;
  }
  const title =
    scope.kind === "direct"
      ? `golden ${scenario.name}: the plugin's API refuses the bad requests datamodel.php took, stores the others as Moodle`
      : `golden ${scenario.name}: the twin stores what Moodle 4.5.6 stored`;
  test(title, async ({ browser, stack, lms }, testInfo) => {
    test.setTimeout(60_000 + 20_000 * scope.launches.length);
    const listed = loadExpectations().scenarios[scenario.name]?.divergences ?? [];
    const { verdict, report } = await replayAndJudge({ browser, stack, lms }, scenario, scope, listed);
    await testInfo.attach("golden-replay.json", { body: report, contentType: "application/json" });
    const message = verdictMessage(scenario.name, verdict);
    expect(verdict.unlisted.length + verdict.stale.length, message).toBe(0);
  });
}
