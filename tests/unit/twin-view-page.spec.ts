// The twin's mod/scorm/view.php (moodle-scorm-contract §1 row 1, §5.2 course_module_viewed; golden logs of Moodle
// 4.5.6): one course_module_viewed per visit with Moodle's fields, an Enter form to player.php for the first SCO,
// "Start a new attempt" only after a complete attempt, escaped names, login first, enrolled users only.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { expect, test, type TwinStorage } from "../support/twin-database-test.ts";
import { buildProbeManifest } from "../../conformance/generators/manifest-arbitrary.ts";
import { MoodleTwin } from "../../moodle-stack/twin/moodle-twin.ts";

const ids = { manifestId: "M", orgId: "ORG-1", itemId: "I", resId: "R", orgTitle: "Org", itemTitle: "Item" };
const VIEWED = "\\mod_scorm\\event\\course_module_viewed";

async function world(storage: TwinStorage) {
  const twin = await MoodleTwin.create({ bridgeDir: "/nonexistent", ...storage });
  const course = twin.people.createCourse("C", "c");
  const activity = twin.activities.createFromManifest(
    course,
    `Quiz <b>"one"</b> & more`,
    "https://cdn.test:1/p/imsmanifest.xml",
    buildProbeManifest("1.2", "1.2", ids),
  );
  const learner = twin.people.createUser({ username: "l", password: "p", firstname: "L", lastname: "L" });
  twin.people.enrol(learner, course, "student");
  const server: Server = await new Promise((resolve) => {
    const s = twin.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (userid: number | null, cmid = activity.cmid) =>
    fetch(`${base}/mod/scorm/view.php?id=${cmid}`, {
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
