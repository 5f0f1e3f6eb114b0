// The plugin's commit checks values server-side (twin): an op whose value is outside its element's SCORM type is
// not stored, is reported in the answer's `rejected` and acknowledged (never resent), and its commit logs one
// request_refused event; the valid ops beside it are stored.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildProbeManifest } from "../../conformance/generators/manifest-arbitrary.ts";
import { PLUGIN_DIR, phpCli } from "../../moodle-stack/plugin-tools/describe-plugin.ts";
import { REJECTED_VALUE_ERRORCODE } from "../../moodle-stack/twin/lms-api.ts";
import { REFUSAL_EVENT } from "../../moodle-stack/twin/refusal-log.ts";
import { valueRefusal } from "../../moodle-stack/twin/value-rules.ts";
import { expect, test, type TwinStorage } from "../support/twin-database-test.ts";
import { twinWithProbeActivity } from "../support/twin-with-probe-activity.ts";

const ids = { manifestId: "M", orgId: "O", itemId: "I", resId: "R", orgTitle: "Org", itemTitle: "Item" };

/** Per element: values the rule accepts, values it refuses. */
const CASES: Record<"1.2" | "2004", Array<[string, string[], string[]]>> = {
  "1.2": [
    [
      "cmi.core.lesson_status",
      ["passed", "completed", "failed", "incomplete", "browsed", "not attempted"],
      ["bogus", "", "Passed", "unknown", "passed "],
    ],
    ["cmi.core.exit", ["time-out", "suspend", "logout", ""], ["whatever", "normal"]],
    ["cmi.core.entry", ["ab-initio", "resume", ""], ["start"]],
    ["cmi.core.score.raw", ["0", "100", "85.5", ".5", ""], ["150", "-10", "abc", "1e2", "100.01", " 5"]],
    ["cmi.core.score.min", ["0", "12"], ["-10", "x"]],
    ["cmi.core.score.max", ["100", "99.99"], ["101"]],
    [
      "cmi.core.session_time",
      ["00:00:01", "0001:30:05.5", "9999:59:59.99"],
      ["not-a-time", "1:00:00", "00:60:00", "PT1S", ""],
    ],
  ],
  "2004": [
    [
      "cmi.completion_status",
      ["completed", "incomplete", "not attempted", "unknown"],
      ["passed", "", "done"],
    ],
    ["cmi.success_status", ["passed", "failed", "unknown"], ["completed", ""]],
    ["cmi.exit", ["time-out", "suspend", "logout", "normal", ""], ["quit"]],
    ["cmi.entry", ["ab-initio", "resume", ""], ["begin"]],
    ["cmi.score.scaled", ["-1", "1", "0.25", "-0.5"], ["1.5", "-1.01", "", "abc"]],
    ["cmi.score.raw", ["-12.5", "150", "0"], ["abc", "", "1e3"]],
    ["cmi.score.min", ["-1000"], ["x"]],
    ["cmi.score.max", ["1000"], ["y"]],
    ["cmi.progress_measure", ["0", "1", "0.5"], ["-0.1", "1.0001", ""]],
    [
      "cmi.session_time",
      ["PT1H30M5.25S", "P1DT2H", "PT0S", "P1Y2M3D"],
      ["PT1H30", "P", "PT", "01:00:00", "PT1.234S"],
    ],
  ],
};

for (const version of ["1.2", "2004"] as const) {
  test(`value rules ${version}: each checked element accepts its SCORM type and refuses the rest with a reason`, () => {
    for (const [element, good, bad] of CASES[version]) {
      for (const value of good)
        expect(valueRefusal(version, element, value), `${element}=${value}`).toBeNull();
      for (const value of bad)
        expect(valueRefusal(version, element, value), `${element}=${value}`).toContain(element);
    }
    // Elements outside the table (free text, another version's names) are not the value check's business.
    expect(valueRefusal(version, "cmi.suspend_data", "anything")).toBeNull();
    expect(
      valueRefusal(version, version === "1.2" ? "cmi.completion_status" : "cmi.core.lesson_status", "x"),
    ).toBeNull();
  });
}

test("the PHP plugin's value rules give the twin's answer, reason for reason", () => {
  const php = phpCli();
  test.skip(!php, "No PHP CLI (scripts/setup.sh installs Debian's php-cli): the PHP rules not compared");
  const cases = (["1.2", "2004"] as const).flatMap((version) =>
    CASES[version].flatMap(([element, good, bad]) =>
      [...good, ...bad].map((value) => [version, element, value] as const),
    ),
  );
  const local = path.join(PLUGIN_DIR, "classes/local");
  const script = `namespace local_externalscormbridge\\local;
    require ${JSON.stringify(path.join(local, "durations.php"))};
    require ${JSON.stringify(path.join(local, "value_rules.php"))};
    $out = [];
    foreach (json_decode(stream_get_contents(STDIN), true) as [$v, $e, $x]) { $out[] = value_rules::refusal($v, $e, $x); }
    echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);`;
  const run = spawnSync(php as string, ["-r", script], { input: JSON.stringify(cases), encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual(cases.map(([v, e, x]) => valueRefusal(v, e, x)));
});

async function setup(storage: TwinStorage, version: "1.2" | "2004") {
  const { twin, learner, activity, scoid } = await twinWithProbeActivity(
    { bridgeDir: "/nonexistent", ...storage },
    {},
    buildProbeManifest(version, version === "1.2" ? "1.2" : "2004 4th Edition", ids),
  );
  const { launchid } = twin.api.launch(learner, { cmid: activity.cmid, scoid });
  const values = () =>
    new Map(
      (
        twin.query(`SELECT t.element, t.value FROM ${twin.tracks.values} t ORDER BY t.id`) as Array<{
          element: string;
          value: string;
        }>
      ).map((r) => [r.element, r.value]),
    );
  const refusals = () =>
    (
      twin.query("SELECT other, contextinstanceid FROM mdl_logstore_standard_log WHERE eventname = ?", [
        REFUSAL_EVENT,
      ]) as Array<{ other: string; contextinstanceid: number }>
    ).map((r) => ({ other: JSON.parse(r.other) as Record<string, string>, cmid: r.contextinstanceid }));
  let seq = 0;
  const op = (element: string, value: string) => ({ seq: ++seq, element, value });
  const commit = (ops: Array<{ seq: number; element: string; value: string; enc?: string }>) =>
    twin.api.commit(learner, { launchid, ops });
  const relaunchSeed = () => twin.api.launch(learner, { cmid: activity.cmid, scoid }).seed;
  return { activity, values, refusals, op, commit, relaunchSeed };
}

test("1.2 commit: refused values are not stored, reported, acknowledged and logged once; valid ops beside them are stored", async ({
  twinStorage,
}) => {
  const { activity, values, refusals, op, commit } = await setup(twinStorage, "1.2");
  const bad = [
    op("cmi.core.lesson_status", "bogus"),
    op("cmi.core.score.raw", "150"),
    op("cmi.core.session_time", "not-a-time"),
    op("cmi.core.exit", "whatever"),
  ];
  const good = [op("cmi.core.lesson_location", "page 3"), op("cmi.core.score.raw", "85")];
  const answer = commit([...bad, ...good]);
  expect(answer.ackedseq).toBe(6);
  expect(answer.rejected.map((r) => [r.seq, r.element])).toEqual(bad.map((o) => [o.seq, o.element]));
  expect(answer.rejected[0]!.reason).toMatch(
    /"bogus" is not a valid cmi\.core\.lesson_status: it must be one of "passed"/,
  );
  expect(answer.rejected[1]!.reason).toMatch(/0\.\.100/);
  const stored = values();
  expect(stored.get("cmi.core.lesson_location")).toBe("page 3");
  expect(stored.get("cmi.core.score.raw")).toBe("85");
  expect(stored.get("cmi.core.lesson_status")).toBe("not attempted");
  expect(stored.has("cmi.core.exit")).toBe(false);
  const logged = refusals();
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({
    other: { operation: "local_externalscormbridge_commit", errorcode: REJECTED_VALUE_ERRORCODE },
    cmid: activity.cmid,
  });
  for (const o of bad) expect(logged[0]!.other.reason).toContain(`op ${o.seq} ${o.element}`);

  // The bridge resending the same ops: duplicates, nothing new reported or logged.
  expect(commit([...bad, ...good])).toEqual({ ackedseq: 6, rejected: [] });
  expect(refusals()).toHaveLength(1);

  // A refused op blocks nothing: a later op stores, and so does an earlier-numbered op arriving after a refused one
  // of the same element (a refused value is no last writer).
  const refusedLate = { seq: 9, element: "cmi.core.lesson_status", value: "" };
  expect(commit([op("cmi.core.lesson_status", "incomplete"), refusedLate]).rejected).toHaveLength(1);
  expect(commit([op("cmi.core.lesson_status", "failed")])).toEqual({ ackedseq: 9, rejected: [] });
  expect(values().get("cmi.core.lesson_status")).toBe("failed");
  expect(refusals()).toHaveLength(2);
});

test('1.2 first commit refused whole: nothing is stored, not even the player\'s "not attempted"; the next commit stores it', async ({
  twinStorage,
}) => {
  const { values, refusals, op, commit } = await setup(twinStorage, "1.2");
  const before = values();
  const answer = commit([op("cmi.core.lesson_status", "bogus"), op("cmi.core.score.raw", "abc")]);
  expect(answer.rejected).toHaveLength(2);
  expect(values()).toEqual(before);
  expect(refusals()).toHaveLength(1);
  // An empty commit is no refusal: the player's first-commit status is stored (golden s12_commit_only).
  expect(commit([])).toEqual({ ackedseq: 2, rejected: [] });
  expect(values().get("cmi.core.lesson_status")).toBe("not attempted");
});

test("2004 commit: vocabularies, scaled and progress ranges, reals and timeintervals are checked; valid values stored", async ({
  twinStorage,
}) => {
  const { values, refusals, op, commit } = await setup(twinStorage, "2004");
  const bad = [
    op("cmi.completion_status", "done"),
    op("cmi.success_status", ""),
    op("cmi.exit", "quit"),
    op("cmi.score.scaled", "1.5"),
    op("cmi.score.raw", "abc"),
    op("cmi.progress_measure", "-0.1"),
    op("cmi.session_time", "PT1H30"),
  ];
  const good = [
    op("cmi.completion_status", "completed"),
    op("cmi.success_status", "passed"),
    op("cmi.score.scaled", "-1"),
    op("cmi.score.raw", "-12.5"),
    op("cmi.progress_measure", "1"),
    op("cmi.session_time", "PT1H30M5.25S"),
    op("cmi.exit", "suspend"),
  ];
  const answer = commit([...bad, ...good]);
  expect(answer.ackedseq).toBe(14);
  expect(answer.rejected.map((r) => r.element)).toEqual(bad.map((o) => o.element));
  const stored = values();
  for (const o of good) expect(stored.get(o.element), o.element).toBe(o.value);
  expect(refusals()).toHaveLength(1);
});

test("values escaped for Moodle's web-service layer (wire-text.ts) are stored decoded and reloaded escaped; a bad encoding is a malformed op", async ({
  twinStorage,
}) => {
  const { values, op, commit, relaunchSeed } = await setup(twinStorage, "1.2");
  const text = "a\uFFFFb\u0000c\\d";
  commit([{ ...op("cmi.suspend_data", "a\\uffffb\\u0000c\\\\d"), enc: "u" }]);
  expect(values().get("cmi.suspend_data")).toBe(text);
  expect(relaunchSeed().find((r) => r.element === "cmi.suspend_data")).toEqual({
    element: "cmi.suspend_data",
    value: "a\\uffffb\\u0000c\\\\d",
    enc: "u",
  });
  for (const bad of [
    { ...op("cmi.core.lesson_location", "x\\q"), enc: "u" },
    { ...op("cmi.core.lesson_location", "x"), enc: "base64" },
  ])
    expect(() => commit([bad]), JSON.stringify(bad)).toThrow(/Malformed op/);
  expect(values().has("cmi.core.lesson_location")).toBe(false);
});
