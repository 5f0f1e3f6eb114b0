// P13 Interaction and objective capture.
// Requirement: every interaction field and objective field the SCO sets is stored, indices preserved, up to the
// limits (250 interactions, 100 objectives), under mod_scorm's naming per version (1.2 cmi.interactions_0.id,
// 2004 cmi.interactions.0.id).
// Observes: the probe SCO's API results in the browser and mod_scorm's tables through SQL.
import { expect, test } from "../../harness/browser/fixtures.ts";
import { expectedCollectionRows, isCollectionElement } from "../../harness/oracles/stored-collections.ts";
import { openNewLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import type { ProbeCall } from "../../harness/probe/probe-client.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { propertyTestTitle, requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import {
  captureScriptArbitrary,
  collectionLimitScript,
  type CaptureScript,
} from "../generators/interaction-objective-arbitrary.ts";

const META = requireProperty("P13");

function callsFor(script: CaptureScript): ProbeCall[] {
  const api = SCORM_API[script.version];
  return [
    [api.init, ""],
    ...script.writes.map(([element, value]): ProbeCall => [api.set, element, value]),
    [api.commit, ""],
  ];
}

const EXAMPLES: CaptureScript[] = [collectionLimitScript("1.2"), collectionLimitScript("2004")];

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P13 course");
  const activities = await createProbeActivities(stack, lms, course, "p13");

  await runProperty(
    testInfo,
    META,
    captureScriptArbitrary(),
    async (script) => {
      const activity = activities[script.version];
      const { learner, session } = await openNewLearnerSession(
        browser,
        lms,
        stack.origins.cdn,
        course,
        activity,
      );
      try {
        const results = await session.probe.run(callsFor(script));
        const refused = results.filter((r) => r.ret !== "true").map((r) => ({ ...r, err: r.err }));
        expect(refused, "the runtime accepted every write of the script").toEqual([]);

        const expected = expectedCollectionRows(script.version, script.writes);
        const collectionRows = async () =>
          (await lms.tracks(activity, learner)).filter((r) => isCollectionElement(r.element));
        const rows = await eventually(collectionRows, (r) => r.length >= expected.size, 10_000);
        const stored = new Map(rows.map((r) => [r.element, r.value]));
        const missing = [...expected].filter(([element, value]) => stored.get(element) !== value);
        expect(
          missing.map(([element, value]) => ({
            element,
            expected: value,
            stored: stored.get(element) ?? null,
          })),
          "every interaction and objective field is stored under mod_scorm's name with its exact value",
        ).toEqual([]);
        const extra = [...stored.keys()].filter((element) => !expected.has(element));
        expect(extra, "no interaction or objective row the SCO did not write").toEqual([]);
        expect(rows.length, "each field stored once").toBe(expected.size);
      } finally {
        await session.close();
      }
    },
    { defaultRuns: 6, examples: EXAMPLES },
  );
});
