// P04 PostMessage serialization.
// Requirement: every protocol message survives encode -> cross-origin transfer -> decode unchanged, for arbitrary
// payloads (any Unicode, strings up to 64,000 characters, empty strings, numbers as strings); the values the SCO
// set reach the database byte for byte (UTF-8) and come back identical in the next launch; malformed messages
// are rejected, never half-applied.
// Observes: the probe SCO's API results, mod_scorm's tables through SQL, and the LMS API as the player page
// calls it.
import fc from "fast-check";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { openLearnerSession, type LearnerSession } from "../../harness/probe/learner-session.ts";
import { callLmsApi } from "../../harness/probe/page-lms-api.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import type { ProbeCall } from "../../harness/probe/probe-client.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { propertyTestTitle, requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { storedElementName } from "../../harness/properties/stored-element-name.ts";
import {
  MALFORMED_OPS,
  malformedBatchArbitrary,
  payloadExamples,
  payloadScriptArbitrary,
  type MalformedBatch,
  type PayloadScript,
} from "../generators/payload-arbitrary.ts";

const META = requireProperty("P04");

interface Input {
  payload: PayloadScript;
  malformed: MalformedBatch;
}

const sameBytes = (a: string, b: string): boolean => Buffer.from(a, "utf8").equals(Buffer.from(b, "utf8"));
const describeValue = (v: string | null | undefined) =>
  v === null || v === undefined ? v : { length: v.length, head: JSON.stringify(v.slice(0, 60)) };

function writeCalls(script: PayloadScript): ProbeCall[] {
  const api = SCORM_API[script.version];
  return [
    [api.init, ""],
    ...script.writes.map(([element, value]): ProbeCall => [api.set, element, value]),
    ...script.writes.map(([element]): ProbeCall => [api.get, element]),
    [api.set, api.exit, "suspend"],
    [api.commit, ""],
  ];
}

function readCalls(script: PayloadScript): ProbeCall[] {
  const api = SCORM_API[script.version];
  return [[api.init, ""], ...script.writes.map(([element]): ProbeCall => [api.get, element])];
}

/** The SCO reads back, in the same session and in the next launch, exactly what it wrote. */
function expectReadBack(
  script: PayloadScript,
  got: Array<{ ret: string | null; err: string | null }>,
  when: string,
) {
  const mismatches = script.writes
    .map(([element, value], i) => ({ element, expected: value, got: got[i] }))
    .filter(({ expected, got: g }) => g?.err !== "0" || g.ret !== expected)
    .map(({ element, expected, got: g }) => ({
      element,
      expected: describeValue(expected),
      got: describeValue(g?.ret),
      err: g?.err,
    }));
  expect(mismatches, `${when}: every value reads back identical`).toEqual([]);
}

async function expectMalformedRefused(
  session: LearnerSession,
  readTracks: () => Promise<unknown>,
  activity: { cmid: number; scoes: Array<{ id: number }> },
  batch: MalformedBatch,
  latest: () => Promise<string | undefined>,
) {
  const launched = await callLmsApi(session.page, "local_externalscormbridge_launch", {
    cmid: activity.cmid,
    scoid: activity.scoes[0]!.id,
  });
  expect(launched.error, "the LMS API launches").toBe(false);
  const launchid = (launched.data as { launchid: string }).launchid;
  const valid = batch.valid.map(([element, value], i) => ({ seq: i + 1, element, value }));
  const ops: unknown[] = [...valid];
  ops.splice(batch.position, 0, batch.malformed.op);

  const before = await readTracks();
  const refused = await callLmsApi(session.page, "local_externalscormbridge_commit", {
    launchid,
    ops,
    terminate: false,
  });
  expect(refused.error, `a batch with a malformed op (${batch.malformed.why}) is refused`).toBe(true);
  expect(await readTracks(), "nothing of the refused batch is stored").toEqual(before);

  const accepted = await callLmsApi(session.page, "local_externalscormbridge_commit", {
    launchid,
    ops: valid,
    terminate: false,
  });
  expect(accepted.error, "the same batch without the malformed op is accepted").toBe(false);
  const last = batch.valid[batch.valid.length - 1]![1];
  expect((await latest()) === last, "the well-formed batch is stored").toBe(true);
}

const EXAMPLES: Input[] = payloadExamples().map((payload, i) => ({
  payload,
  malformed: {
    valid: [[payload.version === "1.2" ? "cmi.core.lesson_location" : "cmi.location", "kept only if valid"]],
    malformed: MALFORMED_OPS[i % MALFORMED_OPS.length]!,
    position: 1,
  },
}));

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P04 course");
  const activities = await createProbeActivities(stack, lms, course, "p04");
  const input: fc.Arbitrary<Input> = payloadScriptArbitrary().chain((payload) =>
    malformedBatchArbitrary(payload.version).map((malformed) => ({ payload, malformed })),
  );

  await runProperty(
    testInfo,
    META,
    input,
    async ({ payload, malformed }) => {
      const activity = activities[payload.version];
      const learner: LmsUser = await lms.createUser();
      await lms.enrol(learner, course);
      const readTracks = () => lms.tracks(activity, learner);

      const first = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
      try {
        const results = await first.probe.run(writeCalls(payload));
        const n = payload.writes.length;
        const sets = results.slice(1, 1 + n).filter((r) => r.ret !== "true");
        expect(
          sets.map((r) => ({ element: r.args[0], err: r.err })),
          "the runtime accepts every value",
        ).toEqual([]);
        expectReadBack(payload, results.slice(1 + n, 1 + 2 * n), "same session");
        expect(results.at(-1)?.ret, "Commit succeeds").toBe("true");

        const expected = new Map(payload.writes.map(([e, v]) => [storedElementName(payload.version, e), v]));
        const rows = await eventually(readTracks, (rs) =>
          [...expected].every(([e, v]) => rs.some((r) => r.element === e && r.value === v)),
        );
        const stored = new Map(rows.map((r) => [r.element, r.value]));
        const wrong = [...expected]
          .filter(([e, v]) => !stored.has(e) || !sameBytes(stored.get(e)!, v))
          .map(([e, v]) => ({
            element: e,
            expected: describeValue(v),
            stored: describeValue(stored.get(e)),
          }));
        expect(wrong, "every value is stored byte for byte (UTF-8)").toEqual([]);
      } finally {
        await first.close();
      }

      const second = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
      try {
        const results = await second.probe.run(readCalls(payload));
        expect(results[0]?.ret, "the next launch initializes").toBe("true");
        expectReadBack(payload, results.slice(1), "next launch");
        const element = storedElementName(payload.version, malformed.valid[0]![0]);
        const latest = async () => (await readTracks()).filter((r) => r.element === element).at(-1)?.value;
        await expectMalformedRefused(second, readTracks, activity, malformed, latest);
      } finally {
        await second.close();
      }
    },
    { defaultRuns: 6, examples: EXAMPLES },
  );
});
