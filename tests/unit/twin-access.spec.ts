// The twin's people, capabilities, access rules, events and log store, each rule pinned to the contract section
// (../shared/docs/moodle-scorm-contract.md) or golden scenario it comes from.
import { expect, test, type TwinStorage } from "../support/twin-database-test.ts";
import { buildProbeManifest } from "../../conformance/generators/manifest-arbitrary.ts";
import { playerAttempt } from "../../moodle-stack/twin/attempts.ts";
import { hasCapability } from "../../moodle-stack/twin/capabilities.ts";
import { courseContext, moduleContext } from "../../moodle-stack/twin/contexts.ts";
import { eventNameParts } from "../../moodle-stack/twin/log-store.ts";
import type { CallResult } from "../../moodle-stack/twin/lms-api.ts";
import { MoodleTwin } from "../../moodle-stack/twin/moodle-twin.ts";
import { REFUSAL_EVENT } from "../../moodle-stack/twin/refusal-log.ts";

const ids = { manifestId: "M", orgId: "O", itemId: "I", resId: "R", orgTitle: "Org", itemTitle: "Item" };
const LAUNCH = "local_externalscormbridge_launch";
type LogRow = Record<string, unknown> & { other: Record<string, unknown> | null };
const COMMIT = "local_externalscormbridge_commit";

async function world(storage: TwinStorage, version: "1.2" | "2004" = "1.2") {
  const twin = await MoodleTwin.create({ bridgeDir: "/nonexistent", ...storage });
  const { people, activities, db } = twin;
  const course = people.createCourse("C", "c");
  let n = 0;
  const user = () => people.createUser({ username: `u${++n}`, password: "p", firstname: "U", lastname: "U" });
  const make = () =>
    activities.createFromManifest(
      course,
      "A",
      "https://cdn.test:1/p/imsmanifest.xml",
      buildProbeManifest(version, version, ids),
    );
  const activity = make();
  const scoid = activities.scoes(activity.scormid).find((s) => s.launch)!.id;
  const call = (userid: number, method: string, args: Record<string, unknown>): CallResult =>
    twin.api.call(method, userid, args, "192.0.2.7");
  const launch = (userid: number) => {
    const r = call(userid, LAUNCH, { cmid: activity.cmid, scoid });
    if (r.error) throw new Error(r.exception.message);
    return (r.data as { launchid: string }).launchid;
  };
  const logs = () =>
    twin.query("SELECT * FROM mdl_logstore_standard_log ORDER BY id").map((r): LogRow => ({
      ...r,
      other: r.other ? (JSON.parse(String(r.other)) as Record<string, unknown>) : null,
    }));
  const values = () => twin.query(`SELECT COUNT(*) AS n FROM ${twin.tracks.values} t`)[0]!.n;
  return { twin, people, db, course, user, make, activity, scoid, call, launch, logs, values };
}

test("§5.1 archetypes: savetrack for student, teachers and manager; viewreport for teachers; deleteownresponses for none; guest nothing", async ({
  twinStorage,
}) => {
  const { people, db, course, user, activity } = await world(twinStorage);
  const ctx = moduleContext(db, activity.cmid);
  const roles = ["student", "teacher", "editingteacher", "manager"] as const;
  const byRole = Object.fromEntries(
    roles.map((role) => {
      const u = user();
      people.enrol(u, course, role);
      return [role, u];
    }),
  );
  for (const role of roles)
    expect(hasCapability(db, "mod/scorm:savetrack", ctx, byRole[role]!), role).toBe(true);
  expect(hasCapability(db, "mod/scorm:viewreport", ctx, byRole.student!)).toBe(false);
  expect(hasCapability(db, "mod/scorm:viewreport", ctx, byRole.teacher!)).toBe(true);
  expect(hasCapability(db, "mod/scorm:skipview", ctx, byRole.student!)).toBe(true);
  for (const role of roles)
    expect(hasCapability(db, "mod/scorm:deleteownresponses", ctx, byRole[role]!), role).toBe(false);
  const guest = people.guestAccess(course, "g");
  expect(hasCapability(db, "mod/scorm:savetrack", ctx, guest)).toBe(false);
  expect(hasCapability(db, "mod/scorm:savetrack", ctx, user()), "not enrolled: no role in the course").toBe(
    false,
  );
});

test("has_capability: most specific override per role, PROHIBIT wins over any ALLOW, overrides stay in their activity", async ({
  twinStorage,
}) => {
  const { people, db, course, user, activity, make } = await world(twinStorage);
  const other = make();
  const both = user();
  people.enrol(both, course, "student");
  people.assignRole(both, "teacher", courseContext(db, course).id);
  const ctx = moduleContext(db, activity.cmid);
  people.overrideCapability(activity.cmid, "student", "mod/scorm:savetrack", "prevent");
  expect(hasCapability(db, "mod/scorm:savetrack", ctx, both), "PREVENT for one role, ALLOW by another").toBe(
    true,
  );
  people.overrideCapability(activity.cmid, "student", "mod/scorm:savetrack", "prohibit");
  expect(hasCapability(db, "mod/scorm:savetrack", ctx, both), "PROHIBIT wins").toBe(false);
  expect(hasCapability(db, "mod/scorm:savetrack", moduleContext(db, other.cmid), both)).toBe(true);
  people.overrideCapability(activity.cmid, "student", "mod/scorm:savetrack", "inherit");
  expect(hasCapability(db, "mod/scorm:savetrack", ctx, both)).toBe(true);
});

test("launch refuses guests, users who are not enrolled and suspended enrolments; managers need no enrolment", async ({
  twinStorage,
}) => {
  const { people, db, course, user, call, activity, scoid, logs } = await world(twinStorage);
  const args = { cmid: activity.cmid, scoid };
  const guest = people.guestAccess(course, "g");
  const outsider = user();
  const suspended = user();
  people.enrol(suspended, course);
  people.setEnrolmentSuspended(suspended, course, true);
  const manager = user();
  people.assignRole(manager, "manager", 1);
  const code = (r: CallResult) => (r.error ? r.exception.errorcode : "ok");
  expect(code(call(guest, LAUNCH, args))).toBe("noguest");
  expect(code(call(outsider, LAUNCH, args))).toBe("requireloginerror");
  const s = call(suspended, LAUNCH, args);
  expect(code(s)).toBe("requireloginerror");
  expect(s.error && s.exception.message).toMatch(/suspended/);
  expect(code(call(manager, LAUNCH, args))).toBe("ok");
  expect(db.all("SELECT id FROM mdl_local_extscormbridge_launch")).toHaveLength(1);
  expect(logs().filter((l) => l.eventname === REFUSAL_EVENT)).toHaveLength(3);
});

test("commit: own launch only, declared parameters only, mod/scorm:savetrack; each refusal stores nothing and logs one event", async ({
  twinStorage,
}) => {
  const { people, course, user, call, launch, logs, values, activity } = await world(twinStorage);
  const learner = user();
  const teacher = user();
  people.enrol(learner, course);
  people.enrol(teacher, course, "editingteacher");
  const launchid = launch(learner);
  const ops = [{ seq: 1, element: "cmi.core.score.raw", value: "80" }];
  const refusals = () => logs().filter((l) => l.eventname === REFUSAL_EVENT);
  const refused = (r: CallResult) => (r.error ? r.exception.errorcode : "accepted");

  expect(refused(call(teacher, COMMIT, { launchid, ops }))).toBe("invalidlaunch");
  expect(refused(call(learner, COMMIT, { launchid, ops, userid: teacher }))).toBe("invalidparameter");
  people.overrideCapability(activity.cmid, "student", "mod/scorm:savetrack", "prohibit");
  const denied = call(learner, COMMIT, { launchid, ops });
  expect(refused(denied)).toBe("nopermissions");
  expect(denied.error && denied.exception.message).toMatch(/Save tracks/);
  expect(values(), "nothing stored").toBe(0);

  const rows = refusals();
  expect(rows).toHaveLength(3);
  expect(rows.map((r) => r.userid)).toEqual([teacher, learner, learner]);
  for (const r of rows) {
    expect(r).toMatchObject({ component: "local_externalscormbridge", action: "refused", target: "request" });
    expect(r).toMatchObject({ contextlevel: 70, contextinstanceid: activity.cmid, ip: "192.0.2.7" });
    expect(r.other).toMatchObject({ operation: COMMIT });
    expect(String(r.other?.reason)).not.toBe("");
    expect(Number(r.timecreated)).toBeGreaterThan(0);
  }
  expect(refusals().map((r) => r.other?.errorcode)).toEqual([
    "invalidlaunch",
    "invalidparameter",
    "nopermissions",
  ]);
  expect(refused(call(learner, COMMIT, { launchid: "no-such-launch", ops }))).toBe("invalidlaunch");
  expect(refusals().at(-1)).toMatchObject({ contextlevel: 10, contextinstanceid: 0 });

  people.overrideCapability(activity.cmid, "student", "mod/scorm:savetrack", "inherit");
  const before = refusals().length;
  expect(refused(call(learner, COMMIT, { launchid, ops }))).toBe("accepted");
  expect(refusals(), "an accepted call logs no refusal").toHaveLength(before);
});

test("§2.3/§5.2 events: sco_launched at launch; scoreraw_submitted on every score write; status_submitted only for completed/passed/failed", async ({
  twinStorage,
}) => {
  const { people, course, user, call, launch, logs, activity, scoid } = await world(twinStorage);
  const learner = user();
  people.enrol(learner, course);
  const launchid = launch(learner);
  const ops = [
    ["cmi.core.lesson_status", "incomplete"],
    ["cmi.core.score.raw", "50"],
    ["cmi.core.lesson_status", "browsed"],
    ["cmi.core.lesson_status", "failed"],
  ].map(([element, value], i) => ({ seq: i + 1, element, value }));
  call(learner, COMMIT, { launchid, ops });
  call(learner, COMMIT, { launchid, ops: [{ seq: 5, element: "cmi.core.score.raw", value: "50" }] });
  const events = logs();
  expect(events[0]).toMatchObject({
    eventname: "\\mod_scorm\\event\\sco_launched",
    target: "sco",
    action: "launched",
    objecttable: "scorm_scoes",
    objectid: scoid,
    crud: "r",
    edulevel: 2,
    contextlevel: 70,
    contextinstanceid: activity.cmid,
    userid: learner,
  });
  expect(events[0]!.other).toMatchObject({
    instanceid: activity.scormid,
    loadedcontent: "https://cdn.test:1/p/sco.html",
  });
  const submittedEvents = events.filter((e) => String(e.eventname).endsWith("_submitted"));
  const submitted = submittedEvents.map((e) => [e.eventname, e.other?.cmielement, e.other?.cmivalue]);
  expect(submitted).toEqual([
    ["\\mod_scorm\\event\\scoreraw_submitted", "cmi.core.score.raw", "50"],
    ["\\mod_scorm\\event\\status_submitted", "cmi.core.lesson_status", "failed"],
    ["\\mod_scorm\\event\\scoreraw_submitted", "cmi.core.score.raw", "50"],
  ]);
  for (const e of submittedEvents)
    expect(e).toMatchObject({
      // mod_scorm's values table: scorm_scoes_track up to 4.2, scorm_scoes_value since 4.3 (contract §5.2).
      objecttable: twinStorage.moodleSchema === "4.1" ? "scorm_scoes_track" : "scorm_scoes_value",
      objectid: activity.scormid,
      relateduserid: learner,
      crud: "u",
    });
});

test("§2.3 forcecompleted: the status mod_scorm flips by itself logs no status_submitted (golden s12_forcecompleted)", async ({
  twinStorage,
}) => {
  const { people, course, user, call, launch, logs, db, activity } = await world(twinStorage);
  db.run("UPDATE mdl_scorm SET forcecompleted = 1 WHERE id = ?", [activity.scormid]);
  const learner = user();
  people.enrol(learner, course);
  const launchid = launch(learner);
  call(learner, COMMIT, {
    launchid,
    ops: [{ seq: 1, element: "cmi.core.lesson_status", value: "incomplete" }],
  });
  call(learner, COMMIT, { launchid, ops: [{ seq: 2, element: "cmi.core.score.raw", value: "70" }] });
  const submitted = logs()
    .filter((e) => String(e.eventname).endsWith("_submitted"))
    .map((e) => [e.eventname, e.other?.cmivalue]);
  expect(submitted).toEqual([["\\mod_scorm\\event\\scoreraw_submitted", "70"]]);
});

test("§1.1/§2.5 attempts: newattempt=on only after a complete attempt and below maxattempt; forcenewattempt=always on every entry with data", async ({
  twinStorage,
}) => {
  const { twin, people, course, user, activity, scoid, db } = await world(twinStorage);
  const learner = user();
  people.enrol(learner, course);
  const store = (attempt: number, element: string, value: string) =>
    twin.tracks.insertTrack(twin.tracks.attempt(learner, activity.scormid, attempt), scoid, element, value);
  const open = (maxattempt: number, forcenewattempt: number, newattempt: boolean) =>
    playerAttempt(db, learner, activity.scormid, { maxattempt, forcenewattempt }, newattempt);

  expect(open(0, 0, true), "nothing stored yet: attempt 1").toBe(1);
  store(1, "cmi.core.lesson_status", "incomplete");
  expect(open(0, 0, true), "incomplete attempt: no new one").toBe(1);
  store(1, "cmi.core.lesson_status", "failed");
  expect(open(0, 0, false), "complete but not asked").toBe(1);
  expect(open(0, 0, true), "complete and asked").toBe(2);
  expect(open(1, 0, true), "maxattempt 1 reached").toBe(1);
  expect(open(0, 1, false), "forcenewattempt on complete").toBe(2);
  expect(open(3, 2, false), "forcenewattempt always").toBe(2);
  store(2, "x.start.time", "1");
  expect(open(2, 2, false), "always, but the limit holds").toBe(2);
});

test("§5.2 log store: target and action from the class name split at its last underscore", () => {
  expect(eventNameParts("\\mod_scorm\\event\\course_module_viewed")).toEqual({
    component: "mod_scorm",
    target: "course_module",
    action: "viewed",
  });
  expect(eventNameParts("\\mod_scorm\\event\\scoreraw_submitted")).toMatchObject({ target: "scoreraw" });
  expect(() => eventNameParts("sco_launched")).toThrow();
});
