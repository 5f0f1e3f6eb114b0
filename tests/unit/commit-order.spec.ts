// A commit's ops are stored in mod_scorm's order (moodle-scorm-contract §1.2/§2.3/§3.4; golden datamodel_posts of
// Moodle 4.5.6: a SCO's score is posted before its status): score elements first, then the rest, each group by
// sequence number. So a status set before the score in one commit grades once, with the score, and logs no
// transient user_graded with final grade 0; the PHP plugin orders the same way.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Op } from "../../bridge/protocol/messages.ts";
import { PLUGIN_DIR, phpCli } from "../../moodle-stack/plugin-tools/describe-plugin.ts";
import { nativeCommitOrder } from "../../moodle-stack/twin/commit-order.ts";
import { expect, test } from "../support/twin-database-test.ts";
import { twinWithProbeActivity } from "../support/twin-with-probe-activity.ts";

const ops: Op[] = [
  { seq: 1, element: "cmi.core.lesson_status", value: "passed" },
  { seq: 2, element: "cmi.core.score.min", value: "0" },
  { seq: 3, element: "cmi.core.score.raw", value: "70" },
  { seq: 4, element: "cmi.core.lesson_location", value: "p2" },
  { seq: 5, element: "cmi.core.score.raw", value: "85" },
  { seq: 0, element: "cmi.suspend_data", value: "s" },
];

test("§1.2 storing order: score ops first, then the others, each in sequence order (same element keeps its order)", () => {
  expect(nativeCommitOrder(ops).map((o) => o.seq)).toEqual([2, 3, 5, 0, 1, 4]);
  expect(nativeCommitOrder(ops.slice(3, 4))).toEqual(ops.slice(3, 4));
});

test("§3.4 a status committed before its score grades once, with the score: no transient user_graded finalgrade 0", async ({
  twinStorage,
}) => {
  const { twin, learner, activity, scoid } = await twinWithProbeActivity({
    bridgeDir: "/nonexistent",
    ...twinStorage,
  });
  const { launchid } = twin.api.launch(learner, { cmid: activity.cmid, scoid });
  twin.api.commit(learner, { launchid, ops: ops.slice(0, 3) });
  const graded = twin
    .query("SELECT other FROM mdl_logstore_standard_log WHERE eventname = ? ORDER BY id", [
      "\\core\\event\\user_graded",
    ])
    .map((r) => (JSON.parse(String(r.other)) as { finalgrade: number | null }).finalgrade);
  expect(graded).toEqual([70]);
});

test("the PHP plugin's op_applier::native_order orders as the twin does", () => {
  const php = phpCli();
  test.skip(!php, "No PHP CLI (scripts/setup.sh installs Debian's php-cli): the PHP order not compared");
  const script = `namespace local_externalscormbridge\\local;
    require ${JSON.stringify(path.join(PLUGIN_DIR, "classes/local/op_applier.php"))};
    echo json_encode(op_applier::native_order(json_decode(stream_get_contents(STDIN), true)));`;
  const run = spawnSync(php as string, ["-r", script], { input: JSON.stringify(ops), encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual(nativeCommitOrder(ops));
});
