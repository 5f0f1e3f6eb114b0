import { expect, test, type TwinStorage } from "../support/twin-database-test.ts";
import { twinWithProbeActivity } from "../support/twin-with-probe-activity.ts";

async function setup(storage: TwinStorage) {
  const { twin, learner, activity, scoid } = await twinWithProbeActivity({
    bridgeDir: "/nonexistent",
    ...storage,
  });
  const api = twin.api;
  const outsider = twin.people.createUser({ username: "o", password: "p", firstname: "O", lastname: "O" });
  const stored = () => twin.query(`SELECT t.element, t.value FROM ${twin.tracks.values} t ORDER BY t.id`);
  return { twin, api, learner, outsider, activity, scoid, stored };
}

test("launch returns the CDN frame, the SCO URL on the CDN and a fresh nonce", async ({ twinStorage }) => {
  const { api, learner, activity, scoid, outsider } = await setup(twinStorage);
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

test("commit is idempotent and order-proof: duplicates skipped, later writes win, acks stay cumulative", async ({
  twinStorage,
}) => {
  const { api, twin, learner, activity, scoid, stored, outsider } = await setup(twinStorage);
  const { launchid } = api.launch(learner, { cmid: activity.cmid, scoid });
  const op = (seq: number, element: string, value: string) => ({ seq, element, value });
  const commit = (ops: ReturnType<typeof op>[]) => api.commit(learner, { launchid, ops });
  expect(commit([op(2, "cmi.core.lesson_location", "b"), op(1, "cmi.core.lesson_location", "a")])).toEqual({
    ackedseq: 2,
    rejected: [],
  });
  expect(
    commit([op(1, "cmi.core.lesson_location", "stale"), op(3, "cmi.interactions.0.id", "q")]).ackedseq,
  ).toBe(3);
  // 5 arrives before 4: applied, but the acknowledgement waits for 4.
  expect(commit([op(5, "cmi.suspend_data", "x"), op(7, "cmi.core.lesson_location", "new")]).ackedseq).toBe(3);
  expect(
    commit([op(4, "cmi.suspend_data", "older"), op(6, "cmi.core.lesson_location", "old")]).ackedseq,
  ).toBe(7);
  expect(commit([op(5, "cmi.suspend_data", "x"), op(7, "cmi.core.lesson_location", "new")]).ackedseq).toBe(7);
  expect(stored()).toEqual([
    { element: "cmi.core.lesson_location", value: "new" },
    { element: "cmi.core.lesson_status", value: "not attempted" },
    { element: "cmi.interactions_0.id", value: "q" },
    { element: "cmi.suspend_data", value: "x" },
  ]);
  expect(twin.api.stats).toEqual({ duplicates: 3, superseded: 2 });
  expect(() => api.commit(outsider, { launchid, ops: [op(8, "cmi.suspend_data", "evil")] })).toThrow(
    /Unknown launch/,
  );
  expect(() => commit([{ seq: 8, element: "cmi.x", value: 3 } as unknown as ReturnType<typeof op>])).toThrow(
    /Malformed op/,
  );
  twin.db.run("DELETE FROM mdl_user_enrolments");
  expect(() => commit([op(8, "cmi.suspend_data", "late")])).toThrow(/not enrolled/);
  expect(stored()).toHaveLength(4);
});
