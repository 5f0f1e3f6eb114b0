// P06 Suspend data round trip.
// Requirement: any suspend_data up to the limit (4,096 characters in 1.2 as Moodle is configured, 64,000 in
// 2004) set, committed, and read back in a new launch is identical, with entry = resume after exit = suspend.
// Observes: the probe SCO in two successive launches; SQL only to know the first session has been stored.
import { expect, test } from "../../harness/browser/fixtures.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import type { ProbeCall } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import {
  suspendDataArbitrary,
  suspendDataExamples,
  type SuspendDataCase,
} from "../generators/suspend-data-arbitrary.ts";

const META = requireProperty("P06");

function firstSession(c: SuspendDataCase): ProbeCall[] {
  const api = SCORM_API[c.version];
  return [
    [api.init, ""],
    [api.set, api.progressStatus, "incomplete"],
    [api.set, "cmi.suspend_data", c.data],
    [api.set, api.exit, "suspend"],
    [api.commit, ""],
    [api.finish, ""],
  ];
}

function secondSession(c: SuspendDataCase): ProbeCall[] {
  const api = SCORM_API[c.version];
  return [
    [api.init, ""],
    [api.get, api.entry],
    [api.get, "cmi.suspend_data"],
  ];
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P06 course");
  const activities = await createProbeActivities(stack, lms, course, "p06");

  await runProperty(
    testInfo,
    META,
    suspendDataArbitrary(),
    async (c) => {
      const activity = activities[c.version];
      const learner = await lms.createUser();
      await lms.enrol(learner, course);

      const first = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
      try {
        const results = await first.probe.run(firstSession(c));
        expect(
          results.filter((r) => r.ret !== "true"),
          "the first session's calls all succeed",
        ).toEqual([]);
        const rows = await eventually(
          () => lms.tracks(activity, learner),
          (rs) => rs.some((r) => r.element === "cmi.suspend_data") && rs.some((r) => /exit$/.test(r.element)),
        );
        expect(
          rows.some((r) => r.element === "cmi.suspend_data"),
          "the first session reached the LMS",
        ).toBe(true);
      } finally {
        await first.close();
      }

      const second = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
      try {
        const [init, entry, data] = await second.probe.run(secondSession(c));
        expect(init?.ret, "the second session initializes").toBe("true");
        expect(entry?.ret, "entry after exit=suspend").toBe("resume");
        expect(data?.err, "suspend_data reads without error").toBe("0");
        expect(data?.ret?.length, "suspend_data length").toBe(c.data.length);
        expect(data?.ret === c.data, "suspend_data comes back identical").toBe(true);
      } finally {
        await second.close();
      }
    },
    { defaultRuns: 8, examples: suspendDataExamples() },
  );
});
