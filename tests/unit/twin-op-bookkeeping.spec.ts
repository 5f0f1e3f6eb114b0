// The twin's op bookkeeping behind a commit's acknowledgement: the ops received beyond the acknowledged sequence
// number are kept per launch (mdl_local_extscormbridge_ahead) until the gap before them is filled, and no
// longer: once acknowledged they are gone, so the table holds exactly the launch's unacknowledged ops.
import { expect, test } from "../support/twin-database-test.ts";
import { twinWithProbeActivity } from "../support/twin-with-probe-activity.ts";

test("ops ahead of the acknowledgement are kept until it reaches them, then dropped", async ({
  twinStorage,
}) => {
  const { twin, learner, activity, scoid } = await twinWithProbeActivity({
    bridgeDir: "/nonexistent",
    ...twinStorage,
  });
  try {
    const api = twin.api;
    const { launchid } = api.launch(learner, { cmid: activity.cmid, scoid });
    const other = api.launch(learner, { cmid: activity.cmid, scoid }).launchid;
    const commit = (id: string, ...seqs: number[]) =>
      api.commit(learner, {
        launchid: id,
        ops: seqs.map((seq) => ({ seq, element: "cmi.core.lesson_location", value: `v${seq}` })),
      }).ackedseq;
    const ahead = (id: string) =>
      twin
        .query(
          `SELECT a.seq FROM mdl_local_extscormbridge_ahead a
             JOIN mdl_local_extscormbridge_launch l ON l.id = a.launch
            WHERE l.launchid = ? ORDER BY a.seq`,
          [id],
        )
        .map((r) => Number(r.seq));

    expect(commit(other, 3)).toBe(0);
    expect(commit(launchid, 1)).toBe(1);
    expect(ahead(launchid)).toEqual([]);
    expect(commit(launchid, 4)).toBe(1);
    expect(commit(launchid, 6, 7)).toBe(1);
    expect(ahead(launchid)).toEqual([4, 6, 7]);
    // 3 fills nothing yet; 2 lets the acknowledgement reach 4; 5 then reaches 7.
    expect(commit(launchid, 3)).toBe(1);
    expect(ahead(launchid)).toEqual([3, 4, 6, 7]);
    expect(commit(launchid, 2)).toBe(4);
    expect(ahead(launchid)).toEqual([6, 7]);
    expect(commit(launchid, 9, 5)).toBe(7);
    expect(ahead(launchid)).toEqual([9]);
    // A resent op is a duplicate whether acknowledged or still ahead, and changes nothing.
    expect(commit(launchid, 9, 2)).toBe(7);
    expect(ahead(launchid)).toEqual([9]);
    expect(commit(launchid, 8)).toBe(9);
    expect(ahead(launchid)).toEqual([]);
    // Another launch's rows are its own.
    expect(ahead(other)).toEqual([3]);
  } finally {
    twin.close();
  }
});
