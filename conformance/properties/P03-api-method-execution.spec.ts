// P03 API method execution.
// Requirement: every method of both APIs returns what the SCORM run-time requires and GetLastError is right,
// synchronously, at the moment the SCO asks: state errors, data-model errors, collection order.
// Oracles: (1) bridge transparency: a generated call sequence gives, through the bridge, exactly the returns and
// codes of the same runtime (scorm-again, same version) run directly in a same-origin page; (2) ADL's SCORM 2004
// 4th Edition run-time scripts (8,547 steps), replayed through the bridge and judged as ADL does, every failure
// listed with its reason in conformance/expectations/adl-known-failures.json (skipped when the corpus is absent).
// Observes: the probe SCO's API results in the browser.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { findAdlCorpus, loadAdlVisits } from "../../harness/adl/adl-script.ts";
import { buildAdlReport, type KnownFailure, type StepVerdict } from "../../harness/adl/adl-report.ts";
import { replayAdlVisits } from "../../harness/adl/adl-replay.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { judgeStep } from "../../harness/oracles/adl-judge.ts";
import { openDirectRuntime } from "../../harness/oracles/direct-runtime.ts";
import { PROJECT_ROOT } from "../../harness/packages/package-files.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { propertyTestTitle, requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { reportsDir } from "../../harness/reporting/reports-dir.ts";
import { apiCallExamples, apiCallScriptArbitrary } from "../generators/api-call-arbitrary.ts";

const META = requireProperty("P03");
const KNOWN_FAILURES = path.join(PROJECT_ROOT, "conformance", "expectations", "adl-known-failures.json");

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  test.setTimeout(600_000);
  const course = await lms.createCourse("P03 course");
  const activities = await createProbeActivities(stack, lms, course, "p03");

  await runProperty(
    testInfo,
    META,
    apiCallScriptArbitrary(),
    async (script) => {
      const learner = await lms.createUser();
      await lms.enrol(learner, course);
      const session = await openLearnerSession(
        browser,
        lms,
        stack.origins.cdn,
        activities[script.version],
        learner,
      );
      try {
        const direct = await openDirectRuntime(session.context, script.version);
        const viaBridge = await session.probe.run(script.calls);
        const native = await direct.run(script.calls);
        const differences = script.calls
          .map((call, i) => ({ i, call: call.join(" "), bridge: viaBridge[i], direct: native[i] }))
          .filter(({ bridge, direct: d }) => bridge?.ret !== d?.ret || bridge?.err !== d?.err)
          .map(({ i, call, bridge, direct: d }) => ({
            i,
            call,
            bridge: `${bridge?.ret} / ${bridge?.err}`,
            direct: `${d?.ret} / ${d?.err}`,
          }));
        expect(differences, "the bridge answers exactly as the runtime does directly").toEqual([]);
      } finally {
        await session.close();
      }
    },
    { defaultRuns: 8, examples: apiCallExamples() },
  );

  const corpus = findAdlCorpus(PROJECT_ROOT);
  if (!corpus) {
    testInfo.annotations.push({
      type: "notice",
      description: "ADL corpus absent (../shared/corpus): replay skipped",
    });
    console.warn("P03: ../shared/corpus/adl-2004-4ed is absent; the ADL replay is skipped.");
    return;
  }
  const started = Date.now();
  const visits = loadAdlVisits(corpus);
  const replayed = await replayAdlVisits(browser, stack, lms, corpus, visits);
  const overrun = new Set<string>();
  const verdicts: StepVerdict[] = [];
  for (const { visit, results } of replayed) {
    visit.steps.forEach((step, i) => {
      const actual = { ret: results[i]?.ret ?? null, err: results[i]?.err ?? null };
      verdicts.push({ step, actual, verdict: judgeStep(step, actual, overrun) });
    });
  }
  const known = (JSON.parse(await readFile(KNOWN_FAILURES, "utf8")) as { failures: KnownFailure[] }).failures;
  const report = buildAdlReport(verdicts, known);
  const replaySeconds = Math.round((Date.now() - started) / 1000);
  const body = JSON.stringify({ ...report, replaySeconds }, null, 2);
  await mkdir(reportsDir(), { recursive: true });
  await writeFile(path.join(reportsDir(), "adl-replay.json"), body);
  await testInfo.attach("adl-replay.json", { body, contentType: "application/json" });
  testInfo.annotations.push({
    type: "adl",
    description:
      `${report.total} steps in ${replaySeconds} s: ${report.passed} passed, ${report.failed} failed ` +
      `(${report.failed - report.unexpectedFailures.length} listed), ${report.warnings} warnings`,
  });
  expect(report.total, "every scripted step ran").toBe(8547);
  expect(
    report.divergences.filter((d) => report.unexpectedFailures.includes(d.step)).slice(0, 40),
    `ADL steps failing without a listed reason (${report.unexpectedFailures.length})`,
  ).toEqual([]);
  expect(report.nowPassing, "listed ADL failures that now pass: remove them from the list").toEqual([]);
});
