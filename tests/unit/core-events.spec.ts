// The core events mod_scorm's grading causes (moodle-stack/twin/core-events.ts): \core\event\user_graded when a
// grade's final grade is written (moodle-scorm-contract §3.4, gradebook push) and
// \core\event\course_module_completion_updated when the completion state changes (§3.5), with the fields the
// golden logs of Moodle 4.5.6 show (§5.2 for the log store's columns).
import { expect, test } from "../support/twin-database-test.ts";
import { afterTrackStored } from "../../moodle-stack/twin/grade-updates.ts";
import type { TwinDatabaseOptions } from "../../moodle-stack/twin/db.ts";
import { twinWithProbeActivity } from "../support/twin-with-probe-activity.ts";
import type { ScormActivitySettings } from "../../moodle-stack/twin/scorm-settings.ts";

async function graded(database: TwinDatabaseOptions | undefined, settings: Partial<ScormActivitySettings>) {
  const { twin, course, learner, activity } = await twinWithProbeActivity(
    { bridgeDir: "/nonexistent", database },
    settings,
  );
  const sco = twin.activities.scoes(activity.scormid).find((s) => s.launch)!.id;
  const actor = { userid: learner, ip: "192.0.2.7" };
  /** scorm_insert_track as the LMS API runs it for the learner's own request. */
  const insert = (element: string, value: string): void => {
    const attempt = { userid: learner, scormid: activity.scormid };
    const attemptid = twin.tracks.attemptId(learner, activity.scormid, 1);
    twin.tracks.insertTrack({ ...attempt, attemptid }, sco, element, value);
    afterTrackStored(twin.db, { userid: learner, scormid: activity.scormid, element, value }, actor);
  };
  const events = (name: string) =>
    twin
      .query(
        `SELECT eventname, component, action, target, objecttable, objectid, crud, edulevel, contextid, contextlevel,
                contextinstanceid, userid, courseid, relateduserid, other, ip
           FROM mdl_logstore_standard_log WHERE eventname = ? ORDER BY id`,
        [`\\core\\event\\${name}`],
      )
      .map((r) => ({ ...r, other: JSON.parse(String(r.other)) as unknown }));
  const one = (sql: string, params: number[]) => twin.query(sql, params)[0]!;
  return { twin, learner, activity, course, insert, events, one };
}

test("contract §3.4 (golden s12_passed_score): user_graded when the final grade is set, in the course context", async ({
  twinDatabase,
}) => {
  const { learner, activity, course, insert, events, one } = await graded(twinDatabase, {
    completionstatusrequired: 2,
  });
  insert("cmi.core.score.raw", "85");
  const grade = one(
    `SELECT g.id, g.itemid FROM mdl_grade_grades g JOIN mdl_grade_items i ON i.id = g.itemid
      WHERE i.iteminstance = ? AND g.userid = ?`,
    [activity.scormid, learner],
  );
  const coursectx = one("SELECT id FROM mdl_context WHERE contextlevel = 50 AND instanceid = ?", [course]);
  expect(events("user_graded")).toEqual([
    {
      eventname: "\\core\\event\\user_graded",
      component: "core",
      action: "graded",
      target: "user",
      objecttable: "grade_grades",
      objectid: grade.id,
      crud: "u",
      edulevel: 1,
      contextid: coursectx.id,
      contextlevel: 50,
      contextinstanceid: course,
      userid: learner,
      courseid: course,
      relateduserid: learner,
      other: { itemid: grade.itemid, overridden: false, finalgrade: 85 },
      ip: "192.0.2.7",
    },
  ]);
  insert("cmi.core.lesson_status", "passed");
  insert("cmi.core.score.raw", "85");
  expect(events("user_graded"), "a regrade to the same final grade logs nothing").toHaveLength(1);
});

test("contract §3.4 (golden s12_whatgrade_last, m12_grademethod_sum): one user_graded per changed final grade", async ({
  twinDatabase,
}) => {
  const sum = await graded(twinDatabase, { maxgrade: 100 });
  sum.insert("cmi.core.score.raw", "40");
  sum.insert("cmi.core.score.raw", "180");
  sum.insert("cmi.core.score.raw", "150");
  expect(
    sum.events("user_graded").map((e) => (e.other as { finalgrade: number }).finalgrade),
    "180 and 150 are both bounded to the final grade 100: the second changes only the raw grade",
  ).toEqual([40, 100]);
  const none = await graded(twinDatabase, {});
  none.insert("cmi.core.lesson_status", "incomplete");
  none.insert("cmi.core.lesson_location", "p2");
  expect(none.events("user_graded"), "no regrade, no event (golden s12_time_accumulation)").toEqual([]);
});

test("contract §3.5 (golden s12_passed_score): course_module_completion_updated when the state changes, once", async ({
  twinDatabase,
}) => {
  const { learner, activity, course, insert, events, one } = await graded(twinDatabase, {
    completionstatusrequired: 2,
  });
  insert("cmi.core.score.raw", "85");
  expect(events("course_module_completion_updated"), "the rule is not met yet: no change").toEqual([]);
  insert("cmi.core.lesson_status", "passed");
  const cmc = one("SELECT id FROM mdl_course_modules_completion WHERE coursemoduleid = ? AND userid = ?", [
    activity.cmid,
    learner,
  ]);
  const ctx = one("SELECT id FROM mdl_context WHERE contextlevel = 70 AND instanceid = ?", [activity.cmid]);
  expect(events("course_module_completion_updated")).toEqual([
    {
      eventname: "\\core\\event\\course_module_completion_updated",
      component: "core",
      action: "updated",
      target: "course_module_completion",
      objecttable: "course_modules_completion",
      objectid: cmc.id,
      crud: "u",
      edulevel: 2,
      contextid: ctx.id,
      contextlevel: 70,
      contextinstanceid: activity.cmid,
      userid: learner,
      courseid: course,
      relateduserid: learner,
      other: { relateduserid: learner, overrideby: null, completionstate: 1 },
      ip: "192.0.2.7",
    },
  ]);
  insert("cmi.core.lesson_status", "failed");
  insert("cmi.core.score.raw", "10");
  expect(events("course_module_completion_updated"), "sticky: no second change").toHaveLength(1);
});
