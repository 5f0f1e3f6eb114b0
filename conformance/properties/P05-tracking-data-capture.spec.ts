// P05 Tracking data capture.
// Requirement: every value the SCO sets and then commits (or terminates with) is stored for the right user,
// activity, SCO and attempt, under mod_scorm's element name for the version, with the exact value; nothing
// the SCO did not set is stored except what mod_scorm itself derives.
// Observes: the probe SCO's API results in the browser and mod_scorm's tables through SQL.
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { StoredTrack } from "../../harness/lms-driver/lms-driver.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import type { ProbeCall } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { storedElementName } from "../../harness/properties/stored-element-name.ts";
import { trackingScriptArbitrary, type TrackingScript } from "../generators/tracking-arbitrary.ts";

const META = requireProperty("P05");

/** What mod_scorm itself may add: the launch time, the accumulated time and status rewrites at finish. */
const DERIVED = new Set([
  "x.start.time",
  "cmi.core.total_time",
  "cmi.total_time",
  "cmi.core.lesson_status",
  "cmi.completion_status",
  "cmi.success_status",
]);

function callsFor(script: TrackingScript): ProbeCall[] {
  const api = SCORM_API[script.version];
  const calls: ProbeCall[] = [[api.init, ""]];
  for (const [element, value] of script.writes) calls.push([api.set, element, value]);
  if (script.ending !== "terminate") calls.push([api.commit, ""]);
  if (script.ending !== "commit") calls.push([api.finish, ""]);
  return calls;
}

/** mod_scorm never stores a 1.2 session_time: its player only adds it to total_time when the SCO finishes. */
const NEVER_STORED = new Set(["cmi.core.session_time"]);

function expectedValues(script: TrackingScript): Map<string, string> {
  const expected = new Map<string, string>();
  for (const [element, value] of script.writes) {
    if (script.version === "1.2" && NEVER_STORED.has(element)) continue;
    expected.set(storedElementName(script.version, element), value);
  }
  return expected;
}

const EXAMPLES: TrackingScript[] = [
  {
    version: "1.2",
    writes: [
      ["cmi.core.lesson_location", "page 3"],
      ["cmi.interactions.0.id", "q1"],
      ["cmi.interactions.0.type", "fill-in"],
      ["cmi.core.lesson_location", "page 4"],
    ],
    ending: "commit",
  },
  {
    version: "2004",
    writes: [
      ["cmi.location", 'é € 中 " & < >'],
      ["cmi.objectives.0.id", "obj1"],
      ["cmi.objectives.0.score.raw", "42"],
    ],
    ending: "commit",
  },
];

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P05 course");
  const activities = await createProbeActivities(stack, lms, course, "p05");

  await runProperty(
    testInfo,
    META,
    trackingScriptArbitrary(),
    async (script) => {
      const activity = activities[script.version];
      const sco = activity.scoes[0]!;
      const learner = await lms.createUser();
      const bystander = await lms.createUser();
      await lms.enrol(learner, course);
      await lms.enrol(bystander, course);
      const session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
      try {
        const results = await session.probe.run(callsFor(script));
        const refused = results.filter((r) => r.ret !== "true");
        expect(refused, "the runtime accepted every valid call of the script").toEqual([]);

        const expected = expectedValues(script);
        const matches = (rows: StoredTrack[]): boolean =>
          [...expected].every(([element, value]) =>
            rows.some((r) => r.element === element && r.value === value),
          );
        const rows = await eventually(() => lms.tracks(activity, learner), matches);

        for (const row of rows) {
          expect(row.scoid, `${row.element} stored against the launched SCO`).toBe(sco.id);
          expect(row.attempt, `${row.element} stored in attempt 1`).toBe(1);
        }
        const stored = new Map(rows.map((r) => [r.element, r.value]));
        for (const [element, value] of expected) {
          expect(stored.has(element), `${element} is stored`).toBe(true);
          expect(stored.get(element), `${element} holds exactly the committed value`).toBe(value);
        }
        const extra = [...stored.keys()].filter((e) => !expected.has(e) && !DERIVED.has(e));
        expect(extra, "nothing the SCO did not set is stored").toEqual([]);
        expect(await lms.tracks(activity, bystander), "nothing is stored for another user").toEqual([]);
      } finally {
        await session.close();
      }
    },
    { defaultRuns: 8, examples: EXAMPLES },
  );
});
