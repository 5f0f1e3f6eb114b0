import { expect, test } from "@playwright/test";
import { buildProbeManifest } from "../../conformance/generators/manifest-arbitrary.ts";
import { MoodleTwin } from "../../moodle-stack/twin/moodle-twin.ts";
import { LmsApi } from "../../moodle-stack/twin/lms-api.ts";

const ids = { manifestId: "M", orgId: "O", itemId: "I", resId: "R", orgTitle: "Org", itemTitle: "Item" };

async function setup() {
  const twin = await MoodleTwin.create({ bridgeDir: "/nonexistent" });
  const api = new LmsApi({
    db: twin.db,
    people: twin.people,
    activities: twin.activities,
    tracks: twin.tracks,
    framePath: "/bridge/frame.html",
  });
  const course = twin.people.createCourse("C", "c");
  const learner = twin.people.createUser({ username: "l", password: "p", firstname: "L", lastname: "L" });
  const outsider = twin.people.createUser({ username: "o", password: "p", firstname: "O", lastname: "O" });
  twin.people.enrol(learner, course);
  const activity = twin.activities.createFromManifest(
    course,
    "A",
    "https://cdn.test:1/pkg/imsmanifest.xml",
    buildProbeManifest("1.2", "1.2", ids),
  );
  const scoid = twin.activities.scoes(activity.scormid)[0]!.id;
  const stored = () =>
    twin.query(
      "SELECT e.element, v.value FROM mdl_scorm_scoes_value v JOIN mdl_scorm_element e ON e.id = v.elementid ORDER BY v.id",
    );
  return { twin, api, learner, outsider, activity, scoid, stored };
}

test("launch returns the CDN frame, the SCO URL on the CDN and a fresh nonce", async () => {
  const { api, learner, activity, scoid, outsider } = await setup();
  const a = api.launch(learner, { cmid: activity.cmid, scoid });
  const b = api.launch(learner, { cmid: activity.cmid, scoid });
  expect(a).toMatchObject({
    version: "1.2",
    attempt: 1,
    cdnorigin: "https://cdn.test:1",
    frameurl: "https://cdn.test:1/bridge/frame.html",
    scourl: "https://cdn.test:1/pkg/sco.html",
  });
  expect(a.nonce).not.toBe(b.nonce);
  expect(a.launchid).not.toBe(b.launchid);
  expect(() => api.launch(outsider, { cmid: activity.cmid, scoid })).toThrow(/not enrolled/);
  expect(() => api.launch(learner, { cmid: activity.cmid, scoid: scoid + 100 })).toThrow(/does not belong/);
  expect(() => api.launch(learner, { cmid: "1 OR 1=1", scoid })).toThrow(/Invalid cmid/);
});

test("commit applies ops in sequence order, drops duplicates and stops at a gap", async () => {
  const { api, learner, activity, scoid, stored, outsider } = await setup();
  const { launchid } = api.launch(learner, { cmid: activity.cmid, scoid });
  const op = (seq: number, element: string, value: string) => ({ seq, element, value });
  expect(
    api.commit(learner, {
      launchid,
      ops: [op(2, "cmi.core.lesson_location", "b"), op(1, "cmi.core.lesson_location", "a")],
    }),
  ).toEqual({ ackedseq: 2, rejected: [] });
  expect(
    api.commit(learner, {
      launchid,
      ops: [op(1, "cmi.core.lesson_location", "stale"), op(3, "cmi.interactions.0.id", "q")],
    }),
  ).toEqual({ ackedseq: 3, rejected: [] });
  expect(api.commit(learner, { launchid, ops: [op(5, "cmi.suspend_data", "x")] })).toEqual({
    ackedseq: 3,
    rejected: [{ seq: 5, element: "cmi.suspend_data", reason: "gap" }],
  });
  expect(stored()).toEqual([
    { element: "cmi.core.lesson_location", value: "b" },
    { element: "cmi.interactions_0.id", value: "q" },
  ]);
  expect(() => api.commit(outsider, { launchid, ops: [op(4, "cmi.suspend_data", "evil")] })).toThrow(
    /Unknown launch/,
  );
  expect(() => api.commit(learner, { launchid, ops: [{ seq: 4, element: "cmi.x", value: 3 }] })).toThrow(
    /Malformed op/,
  );
  expect(stored()).toHaveLength(2);
});
