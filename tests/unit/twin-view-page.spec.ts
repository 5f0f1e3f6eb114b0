// The twin's mod/scorm/view.php (moodle-scorm-contract §1 row 1, §5.2 course_module_viewed; golden logs of Moodle
// 4.5.6): one course_module_viewed per visit with Moodle's fields, an Enter form to player.php for the first SCO,
// "Start a new attempt" only after a complete attempt, escaped names, login first, enrolled users only; skipview
// (scorm_simple_play, Moodle 4.5.6 locallib.php) and which SCO Enter opens (scorm_get_toc).
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { expect, test, type TwinStorage } from "../support/twin-database-test.ts";
import { buildProbeManifest } from "../../conformance/generators/manifest-arbitrary.ts";
import { MoodleTwin } from "../../moodle-stack/twin/moodle-twin.ts";

const ids = { manifestId: "M", orgId: "ORG-1", itemId: "I", resId: "R", orgTitle: "Org", itemTitle: "Item" };
const VIEWED = "\\mod_scorm\\event\\course_module_viewed";

async function world(storage: TwinStorage, manifest = buildProbeManifest("1.2", "1.2", ids)) {
  const twin = await MoodleTwin.create({ bridgeDir: "/nonexistent", ...storage });
  const course = twin.people.createCourse("C", "c");
  const activity = twin.activities.createFromManifest(
    course,
    `Quiz <b>"one"</b> & more`,
    "https://cdn.test:1/p/imsmanifest.xml",
    manifest,
  );
  const learner = twin.people.createUser({ username: "l", password: "p", firstname: "L", lastname: "L" });
  twin.people.enrol(learner, course, "student");
  const server: Server = await new Promise((resolve) => {
    const s = twin.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (userid: number | null, cmid = activity.cmid, extra = "") =>
    fetch(`${base}/mod/scorm/view.php?id=${cmid}${extra}`, {
      redirect: "manual",
      headers:
        userid === null ? {} : { cookie: twin.sessions.cookie(twin.sessions.create(userid)).split(";")[0]! },
    });
  const viewed = () => twin.query("SELECT * FROM mdl_logstore_standard_log WHERE eventname = ?", [VIEWED]);
  return { twin, course, activity, learner, get, viewed, close: () => server.close() };
}

test("§1 view.php: each visit logs course_module_viewed as Moodle does and offers Enter for the first SCO", async ({
  twinStorage,
}) => {
  const w = await world(twinStorage);
  try {
    const first = await w.get(w.learner);
    const second = await w.get(w.learner);
    expect([first.status, second.status]).toEqual([200, 200]);
    const rows = w.viewed();
    expect(rows).toHaveLength(2);
    const ctx = w.twin.query("SELECT id FROM mdl_context WHERE contextlevel = 70 AND instanceid = ?", [
      w.activity.cmid,
    ])[0]!;
    expect(rows[0]).toMatchObject({
      component: "mod_scorm",
      action: "viewed",
      target: "course_module",
      objecttable: "scorm",
      objectid: w.activity.scormid,
      crud: "r",
      edulevel: 2,
      contextid: ctx.id,
      contextlevel: 70,
      contextinstanceid: w.activity.cmid,
      userid: w.learner,
      courseid: w.course,
      relateduserid: null,
      other: null,
      origin: "web",
    });
    const html = await first.text();
    const scoid = w.twin.activities.scoes(w.activity.scormid).find((s) => s.launch)!.id;
    expect(html).toContain('action="/mod/scorm/player.php"');
    expect(html).toContain(`name="scoid" value="${scoid}"`);
    expect(html).toContain(`name="cm" value="${w.activity.cmid}"`);
    expect(html).toContain('name="currentorg" value="ORG-1"');
    expect(html).toContain("Number of attempts you have made: 0");
    expect(html).not.toContain("Start a new attempt");
    expect(html).toContain("Quiz &#60;b&#62;&#34;one&#34;&#60;/b&#62; &#38; more");
    expect(html).not.toContain("<b>");
  } finally {
    w.close();
  }
});

test("§2.5 view.php offers a new attempt only once the last attempt is complete", async ({ twinStorage }) => {
  const w = await world(twinStorage);
  try {
    const scoid = w.twin.activities.scoes(w.activity.scormid).find((s) => s.launch)!.id;
    const attempt = w.twin.tracks.attempt(w.learner, w.activity.scormid, 1);
    w.twin.tracks.insertTrack(attempt, scoid, "cmi.core.lesson_status", "incomplete");
    const open = await (await w.get(w.learner)).text();
    expect(open).toContain("Number of attempts you have made: 1");
    expect(open).not.toContain("Start a new attempt");
    w.twin.tracks.insertTrack(attempt, scoid, "cmi.core.lesson_status", "completed");
    w.twin.db.run("UPDATE mdl_scorm SET maxattempt = 0 WHERE id = ?", [w.activity.scormid]);
    expect(await (await w.get(w.learner)).text()).toContain('id="a-newattempt"');
    w.twin.db.run("UPDATE mdl_scorm SET maxattempt = 1 WHERE id = ?", [w.activity.scormid]);
    expect(await (await w.get(w.learner)).text()).not.toContain("Start a new attempt");
  } finally {
    w.close();
  }
});

test("view.php: nobody signed in goes to the login form, a user outside the course is refused; neither is logged as a view", async ({
  twinStorage,
}) => {
  const w = await world(twinStorage);
  try {
    const anonymous = await w.get(null);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\/index\.php\?returnto=/);
    const stranger = w.twin.people.createUser({
      username: "s",
      password: "p",
      firstname: "S",
      lastname: "S",
    });
    const refused = await w.get(stranger);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("not enrolled");
    expect((await w.get(w.learner, 987654)).status).toBe(404);
    expect(w.viewed()).toHaveLength(0);
  } finally {
    w.close();
  }
});

const TWO_SCOS = `<?xml version="1.0"?>
<manifest identifier="M2" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG-1"><organization identifier="ORG-1"><title>Org</title>
    <item identifier="S1" identifierref="R1"><title>One</title></item>
    <item identifier="S2" identifierref="R2"><title>Two</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="one.html"><file href="one.html"/></resource>
    <resource identifier="R2" type="webcontent" adlcp:scormtype="sco" href="two.html"><file href="two.html"/></resource>
  </resources>
</manifest>`;

test("view.php Enter opens the first SCO of the last attempt that is not attempted, incomplete or browsed", async ({
  twinStorage,
}) => {
  const w = await world(twinStorage, TWO_SCOS);
  try {
    const [one, two] = w.twin.activities.scoes(w.activity.scormid).filter((s) => s.launch);
    const enter = async () => /name="scoid" value="(\d+)"/.exec(await (await w.get(w.learner)).text())?.[1];
    expect(await enter()).toBe(String(one!.id));
    const attempt = w.twin.tracks.attempt(w.learner, w.activity.scormid, 1);
    w.twin.tracks.insertTrack(attempt, one!.id, "cmi.core.lesson_status", "passed");
    expect(await enter()).toBe(String(two!.id));
    w.twin.tracks.insertTrack(attempt, two!.id, "cmi.core.lesson_status", "failed");
    expect(await enter(), "nothing incomplete: the first SCO").toBe(String(one!.id));
    w.twin.tracks.insertTrack(attempt, one!.id, "cmi.core.lesson_status", "browsed");
    expect(await enter()).toBe(String(one!.id));
  } finally {
    w.close();
  }
});

test("skipview: first time sends a learner without an attempt straight to the player, always does so every time; teachers, ?preventskip and skipview 0 see the page", async ({
  twinStorage,
}) => {
  const w = await world(twinStorage);
  try {
    const scoid = w.twin.activities.scoes(w.activity.scormid).find((s) => s.launch)!.id;
    const set = (sql: string) =>
      w.twin.db.run(`UPDATE mdl_scorm SET ${sql} WHERE id = ?`, [w.activity.scormid]);
    const player = `/mod/scorm/player.php?cm=${w.activity.cmid}&currentorg=ORG-1&scoid=${scoid}`;
    expect((await w.get(w.learner)).status, "skipview 0 (the form's default)").toBe(200);
    set("skipview = 1");
    const skipped = await w.get(w.learner);
    expect(skipped.status).toBe(303);
    expect(skipped.headers.get("location")).toBe(player);
    expect(w.viewed(), "the view is logged before the redirect, as scorm_view runs first").toHaveLength(2);
    expect((await w.get(w.learner, w.activity.cmid, "&preventskip=1")).status).toBe(200);
    const teacher = w.twin.people.createUser({ username: "t", password: "p", firstname: "T", lastname: "T" });
    w.twin.people.enrol(teacher, w.course, "editingteacher");
    expect((await w.get(teacher)).status, "mod/scorm:viewreport keeps the page").toBe(200);

    const attempt = w.twin.tracks.attempt(w.learner, w.activity.scormid, 1);
    w.twin.tracks.insertTrack(attempt, scoid, "cmi.core.lesson_status", "completed");
    expect((await w.get(w.learner)).status, "first time only: an attempt exists").toBe(200);
    set("skipview = 2, forcenewattempt = 1");
    const always = await w.get(w.learner);
    expect(always.status).toBe(303);
    expect(always.headers.get("location"), "on complete: nothing incomplete, so a new attempt").toBe(
      `${player}&newattempt=on`,
    );
  } finally {
    w.close();
  }
});
