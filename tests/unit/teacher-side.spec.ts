// The twin's teacher side (moodle-scorm-contract §6): the tab-separated download, deleting attempts (values,
// attempts, grades, completion, attempt_deleted events, no renumbering), course reset, capabilities, launches of
// deleted attempts refused; and encryption at rest seen from the LMS API (§7.3): ciphertext in SQL, plaintext in
// the seed and the report, a lost key restarting the attempt cleanly with one event.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type TwinStorage } from "../support/twin-database-test.ts";
import { parseTabSeparated } from "../../harness/lms-driver/tab-separated-parse.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { tabSeparated, tabSeparatedField } from "../../moodle-stack/twin/tab-separated.ts";
import { MoodleTwin } from "../../moodle-stack/twin/moodle-twin.ts";

const MANIFEST = readFileSync(path.join(PACKAGES_DIR, "probe-scorm12", "imsmanifest.xml"), "utf8");
const ACTOR = (userid: number) => ({ userid, ip: "127.0.0.1" });

async function world(storage: TwinStorage) {
  const twin = await MoodleTwin.create({ bridgeDir: "/nonexistent", ...storage });
  const course = twin.people.createCourse("Course", "C1");
  const other = twin.people.createCourse("Other", "C2");
  const add = (c: number, name: string) =>
    twin.activities.createFromManifest(c, name, "https://cdn.test/p/imsmanifest.xml", MANIFEST, {
      completionstatusrequired: 4,
    });
  const activity = add(course, "Probe");
  const elsewhere = add(other, "Probe elsewhere");
  const user = (name: string, c: number[], role: "student" | "editingteacher" = "student") => {
    const id = twin.people.createUser({ username: name, password: "Pw-1!", firstname: name, lastname: "X" });
    for (const k of c) twin.people.enrol(id, k, role);
    return id;
  };
  const learner = user("learner", [course, other]);
  const classmate = user("classmate", [course]);
  const teacher = user("teacher", [course], "editingteacher");
  const scoid = twin.activities.scoes(activity.scormid).find((s) => s.launch)!.id;
  const scoElsewhere = twin.activities.scoes(elsewhere.scormid).find((s) => s.launch)!.id;
  /** One launch with writes committed and terminated; returns the launch id. */
  const play = (userid: number, a = activity, sco = scoid, writes: Array<[string, string]> = []): string => {
    const launch = twin.api.launch(userid, { cmid: a.cmid, scoid: sco }) as { launchid: string };
    const ops = [...writes, ["cmi.core.score.raw", "80"], ["cmi.core.lesson_status", "completed"]].map(
      ([element, value], i) => ({ seq: i + 1, element, value }),
    );
    twin.api.commit(userid, { launchid: launch.launchid, ops, terminate: true });
    return launch.launchid;
  };
  const count = (sql: string, params: number[]) => Number(twin.query(sql, params)[0]?.n);
  const values = (userid: number, scormid = activity.scormid) =>
    count(`SELECT COUNT(*) AS n FROM ${twin.tracks.values} t WHERE t.userid = ? AND t.scormid = ?`, [
      userid,
      scormid,
    ]);
  const grade = (userid: number, scormid = activity.scormid) =>
    twin.query(
      "SELECT g.rawgrade FROM mdl_grade_grades g JOIN mdl_grade_items i ON i.id = g.itemid WHERE i.iteminstance = ? AND g.userid = ?",
      [scormid, userid],
    )[0]?.rawgrade ?? "none";
  const completion = (userid: number, cmid = activity.cmid) =>
    count(
      "SELECT COUNT(*) AS n FROM mdl_course_modules_completion WHERE coursemoduleid = ? AND userid = ? AND completionstate > 0",
      [cmid, userid],
    );
  return {
    twin,
    course,
    activity,
    elsewhere,
    learner,
    classmate,
    teacher,
    scoid,
    scoElsewhere,
    play,
    values,
    grade,
    completion,
  };
}

test("§6: csv_export_writer('tab') encloses fields with tabs, quotes, backslashes, line breaks or spaces", () => {
  expect(tabSeparatedField("plain")).toBe("plain");
  expect(tabSeparatedField("a b")).toBe('"a b"');
  expect(tabSeparatedField('say "hi"')).toBe('"say ""hi"""');
  expect(tabSeparatedField("a\tb")).toBe('"a\tb"');
  expect(tabSeparatedField("a\\b")).toBe('"a\\b"');
  const rows = [
    ["x", "", "line\nbreak", "cr\rhere"],
    ["é中😀", '"', "\t", " "],
  ];
  expect(parseTabSeparated(tabSeparated(rows))).toEqual(rows);
});

test("§6: the download has mod_scorm's columns and one row per stored track with its value", async ({
  twinStorage,
}) => {
  const w = await world(twinStorage);
  w.play(w.learner, w.activity, w.scoid, [["cmi.suspend_data", 'a\tb\n"c"']]);
  const file = w.twin.api.teacher.exportTracks(w.teacher, w.activity.cmid);
  expect(file.filename).toBe("C1 Probe.txt");
  const [header, ...rows] = parseTabSeparated(file.body);
  expect(header).toEqual([
    "Name",
    "Username",
    "Attempt",
    "Started on",
    "Last accessed on",
    "SCO",
    "Element",
    "Value",
  ]);
  expect(rows.length).toBe(w.values(w.learner));
  expect(rows.find((r) => r[6] === "cmi.suspend_data")?.[7]).toBe('a\tb\n"c"');
  expect(rows[0]?.[3]).toMatch(/^[A-Z][a-z]+day, \d{2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} (AM|PM)$/);
  expect(() => w.twin.api.teacher.exportTracks(w.learner, w.activity.cmid)).toThrow(/permissions/);
  w.twin.close();
});

test("§6: deleting a learner's attempts removes values, attempts, grade and completion, logs attempt_deleted, and nothing else", async ({
  twinStorage,
}) => {
  const w = await world(twinStorage);
  const oldLaunch = w.play(w.learner);
  w.play(w.classmate);
  w.play(w.learner, w.elsewhere, w.scoElsewhere);
  expect(w.grade(w.learner)).toBe(80);
  expect(w.completion(w.learner)).toBe(1);
  expect(() =>
    w.twin.api.teacher.deleteAttempts(ACTOR(w.learner), w.activity.cmid, { learnerid: w.classmate }),
  ).toThrow(/permissions/);
  expect(w.twin.api.teacher.deleteAttempts(ACTOR(w.teacher), w.activity.cmid, { learnerid: w.learner })).toBe(
    1,
  );
  expect(w.values(w.learner)).toBe(0);
  expect([null, "none"], "no grade value is left").toContain(w.grade(w.learner));
  expect(w.completion(w.learner)).toBe(0);
  expect(w.values(w.classmate)).toBeGreaterThan(0);
  expect(w.grade(w.classmate)).toBe(80);
  expect(w.values(w.learner, w.elsewhere.scormid)).toBeGreaterThan(0);
  const events = w.twin.query(
    "SELECT relateduserid, other FROM mdl_logstore_standard_log WHERE eventname = '\\mod_scorm\\event\\attempt_deleted'",
  );
  expect(events).toEqual([{ relateduserid: w.learner, other: JSON.stringify({ attemptid: 1 }) }]);
  const replay = w.twin.api.call(
    "local_externalscormbridge_commit",
    w.learner,
    { launchid: oldLaunch, ops: [{ seq: 99, element: "cmi.suspend_data", value: "old" }], terminate: false },
    "127.0.0.1",
  );
  expect(replay.error).toBe(true);
  expect(w.values(w.learner)).toBe(0);
  w.twin.close();
});

test("§6: deleting one attempt keeps the others' numbers; course reset clears the course and only it", async ({
  twinStorage,
}) => {
  const w = await world(twinStorage);
  w.play(w.learner);
  w.twin.tracks.insertTrack(
    w.twin.tracks.attempt(w.learner, w.activity.scormid, 2),
    w.scoid,
    "x.start.time",
    "1",
  );
  w.twin.api.teacher.deleteAttempts(ACTOR(w.teacher), w.activity.cmid, { learnerid: w.learner, attempt: 1 });
  expect(
    w.twin.query(`SELECT attempt FROM ${w.twin.tracks.attempts} a WHERE userid = ?`, [w.learner]),
  ).toEqual([{ attempt: 2 }]);
  w.play(w.classmate);
  w.play(w.learner, w.elsewhere, w.scoElsewhere);
  expect(w.twin.api.teacher.resetCourse(ACTOR(w.teacher), w.course)).toBe(2);
  expect(w.values(w.classmate)).toBe(0);
  expect(w.grade(w.classmate)).toBe("none");
  expect(w.completion(w.classmate)).toBe(0);
  expect(w.grade(w.learner, w.elsewhere.scormid)).toBe(80);
  expect(w.completion(w.learner, w.elsewhere.cmid)).toBe(1);
  expect(() => w.twin.api.teacher.resetCourse(ACTOR(w.learner), w.course)).toThrow(/permissions/);
  w.twin.close();
});

test("§7.3: with encryption on SQL holds ciphertext; the seed, report and dashboard get plaintext; a lost key restarts cleanly", async ({
  twinStorage,
}) => {
  const w = await world(twinStorage);
  w.twin.setAtRestSettings({ encrypt: true, sensitiveElements: ["cmi.core.lesson_location"] });
  w.play(w.learner, w.activity, w.scoid, [
    ["cmi.suspend_data", "secret state"],
    ["cmi.core.lesson_location", "page 9"],
    ["cmi.core.exit", "suspend"],
  ]);
  const stored = w.twin.query(`SELECT t.element, t.value FROM ${w.twin.tracks.values} t`);
  for (const element of ["cmi.suspend_data", "cmi.core.lesson_location"])
    expect(String(stored.find((r) => r.element === element)?.value)).toMatch(/^aes-256-gcm:/);
  expect(stored.find((r) => r.element === "cmi.core.score.raw")?.value).toBe("80");
  const seed = (
    w.twin.api.launch(w.learner, { cmid: w.activity.cmid, scoid: w.scoid }) as {
      seed: Array<{ element: string; value: string }>;
    }
  ).seed;
  expect(seed.find((r) => r.element === "cmi.suspend_data")?.value).toBe("secret state");
  expect(seed.find((r) => r.element === "cmi.core.entry")?.value).toBe("resume");
  const report = w.twin.api.teacher.report(ACTOR(w.teacher), w.activity.cmid, { userid: w.learner });
  expect(report.find((t) => t.element === "cmi.core.lesson_location")?.value).toBe("page 9");
  expect(w.twin.api.teacher.dashboardRows(w.activity.cmid)).toEqual([
    expect.objectContaining({ username: "learner", status: "completed", score: "80", attempt: 1 }),
  ]);

  w.twin.siteKey.write(Buffer.alloc(32, 7));
  expect(() => w.twin.api.teacher.exportTracks(w.teacher, w.activity.cmid)).toThrow(/could not be decrypted/);
  const fresh = (
    w.twin.api.launch(w.learner, { cmid: w.activity.cmid, scoid: w.scoid }) as {
      seed: Array<{ element: string; value: string }>;
    }
  ).seed;
  expect(fresh.find((r) => r.element === "cmi.core.entry")?.value).toBe("ab-initio");
  expect(fresh.find((r) => r.element === "cmi.suspend_data")).toBeUndefined();
  const events = w.twin.query(
    "SELECT other FROM mdl_logstore_standard_log WHERE eventname = '\\local_externalscormbridge\\event\\stored_value_unreadable'",
  );
  expect(events.length).toBe(1);
  expect(JSON.parse(String(events[0]?.other))).toMatchObject({ errorcode: "encryption_decryptfailed" });
  w.twin.close();
});
