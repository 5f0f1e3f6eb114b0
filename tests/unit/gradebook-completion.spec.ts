// The twin's gradebook and completion over its database (moodle-stack/twin/gradebook.ts, completion.ts,
// grade-updates.ts): grade item and grades as grade_update writes them, completion as scorm_set_completion →
// update_state stores it, and when either is recomputed. Each test cites the contract section it pins.
import { expect, test, type TwinStorage } from "../support/twin-database-test.ts";
import {
  overallState,
  ruleState,
  withAttemptLimit,
  type CompletionRules,
} from "../../moodle-stack/twin/completion.ts";
import {
  afterTrackStored,
  scormInstanceUpdated,
  scormUpdateGrades,
} from "../../moodle-stack/twin/grade-updates.ts";
import { finalGrade } from "../../moodle-stack/twin/gradebook.ts";
import { twinWithProbeActivity } from "../support/twin-with-probe-activity.ts";
import { resolveScormSettings, type ScormActivitySettings } from "../../moodle-stack/twin/scorm-settings.ts";

const THREE_SCOS = `<?xml version="1.0"?>
<manifest identifier="m3" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="O"><organization identifier="O"><title>O</title>
    <item identifier="I1" identifierref="R1"><title>One</title></item>
    <item identifier="I2" identifierref="R1"><title>Two</title></item>
    <item identifier="I3" identifierref="R1"><title>Three</title></item>
  </organization></organizations>
  <resources><resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="sco.html"/></resources>
</manifest>`;

/** Completion settings with the given rules on, the others off. */
function rules(r: Partial<CompletionRules>): CompletionRules {
  return {
    completionstatusrequired: null,
    completionscorerequired: null,
    completionstatusallscos: null,
    ...r,
  };
}

async function setup(storage: TwinStorage, settings: Partial<ScormActivitySettings> = {}, manifest?: string) {
  const { twin, learner, activity } = await twinWithProbeActivity(
    { bridgeDir: "/nonexistent", ...storage },
    settings,
    manifest,
  );
  const scoes = twin.activities
    .scoes(activity.scormid)
    .filter((s) => s.launch)
    .map((s) => s.id);
  /** scorm_insert_track as the LMS API runs it: store, then regrade when the element asks for it. */
  const insert = (element: string, value: string, attempt = 1, sco = 0): void => {
    twin.tracks.insertTrack(
      twin.tracks.attempt(learner, activity.scormid, attempt),
      scoes[sco]!,
      element,
      value,
    );
    afterTrackStored(twin.db, { userid: learner, scormid: activity.scormid, element, value });
  };
  const grade = () =>
    twin.query(
      `SELECT g.rawgrade, g.finalgrade, g.rawgrademax FROM mdl_grade_grades g JOIN mdl_grade_items i ON i.id = g.itemid
        WHERE i.iteminstance = ? AND g.userid = ?`,
      [activity.scormid, learner],
    )[0];
  const item = () =>
    twin.query(
      "SELECT itemname, gradetype, grademax, grademin, idnumber FROM mdl_grade_items WHERE iteminstance = ?",
      [activity.scormid],
    );
  const completion = () =>
    twin.query(
      "SELECT completionstate FROM mdl_course_modules_completion WHERE coursemoduleid = ? AND userid = ?",
      [activity.cmid, learner],
    )[0]?.completionstate ?? null;
  return { twin, learner, activity, insert, grade, item, completion };
}

test("contract §3.4: the grade item exists from creation: a value item out of maxgrade, or out of the SCOs", async ({
  twinStorage,
}) => {
  const single = await setup(twinStorage, { maxgrade: 80 });
  expect(single.item()).toEqual([{ itemname: "A", gradetype: 1, grademax: 80, grademin: 0, idnumber: "" }]);
  expect(single.grade(), "no grade before any write").toBeUndefined();
  const scoes = await setup(twinStorage, { grademethod: 0 }, THREE_SCOS);
  expect(scoes.item()).toMatchObject([{ gradetype: 1, grademax: 3, grademin: 0 }]);
});

test("contract §2.3 and §3.4: only score.raw and completed/passed writes regrade; completed without a score is 0", async ({
  twinStorage,
}) => {
  const { insert, grade } = await setup(twinStorage);
  insert("cmi.core.lesson_location", "p1");
  insert("cmi.core.lesson_status", "incomplete");
  insert("cmi.core.lesson_status", "failed");
  expect(grade(), "failed/incomplete and other elements leave the gradebook alone").toBeUndefined();
  insert("cmi.core.lesson_status", "completed");
  expect(grade()).toEqual({ rawgrade: 0, finalgrade: 0, rawgrademax: 100 }); // s12_completed_noscore
  insert("cmi.core.score.raw", "85");
  expect(grade()).toEqual({ rawgrade: 85, finalgrade: 85, rawgrademax: 100 });
});

test("contract §3.4 (golden m12_grademethod_sum): rawgrade 180 is kept, finalgrade is bounded to 100", async ({
  twinStorage,
}) => {
  const { insert, grade } = await setup(twinStorage, { grademethod: 3 }, THREE_SCOS);
  insert("cmi.core.score.raw", "40", 1, 0);
  insert("cmi.core.score.raw", "80", 1, 1);
  expect(grade()).toEqual({ rawgrade: 120, finalgrade: 100, rawgrademax: 100 });
  insert("cmi.core.score.raw", "60", 1, 2);
  expect(grade()).toEqual({ rawgrade: 180, finalgrade: 100, rawgrademax: 100 });
  expect(finalGrade(-5, 0, 100)).toBe(0);
  expect(finalGrade(55, 0, 0), "an item without a range gives its maximum").toBe(0);
  expect(finalGrade(null, 0, 100)).toBeNull();
});

test("contract §3.3 (golden s12_whatgrade_last): the last-completed grade moves only when the status arrives", async ({
  twinStorage,
}) => {
  const { insert, grade } = await setup(twinStorage, { whatgrade: 3 });
  insert("cmi.core.score.raw", "70");
  insert("cmi.core.lesson_status", "passed");
  insert("cmi.core.score.raw", "45", 2);
  expect(grade()?.rawgrade, "attempt 2 has no completed/passed value yet").toBe(70);
  insert("cmi.core.lesson_status", "passed", 2);
  expect(grade()?.rawgrade).toBe(45);
  insert("cmi.core.lesson_status", "incomplete", 3);
  insert("cmi.core.score.raw", "90", 3);
  expect(grade()?.rawgrade).toBe(45);
});

test("contract §3.4: grades keep five decimals, as Moodle's DECIMAL(10,5) columns", async ({
  twinStorage,
}) => {
  const { insert, grade } = await setup(twinStorage, { grademethod: 2 }, THREE_SCOS);
  insert("cmi.core.score.raw", "10", 1, 0);
  insert("cmi.core.score.raw", "10", 1, 1);
  insert("cmi.core.score.raw", "11", 1, 2);
  expect(grade()?.rawgrade).toBe(10.33333);
});

test("contract §3.5: rules match stored values literally: 2 passed, 4 completed, 6 either, min score, all SCOs", () => {
  const completed = [{ scoid: 1, element: "cmi.core.lesson_status", value: "completed" }];
  const passed2004 = [
    { scoid: 1, element: "cmi.completion_status", value: "incomplete" },
    { scoid: 1, element: "cmi.success_status", value: "passed" },
  ];
  expect(ruleState("completionstatusrequired", rules({ completionstatusrequired: 2 }), completed, [1])).toBe(
    0,
  );
  expect(ruleState("completionstatusrequired", rules({ completionstatusrequired: 4 }), completed, [1])).toBe(
    1,
  );
  expect(ruleState("completionstatusrequired", rules({ completionstatusrequired: 6 }), completed, [1])).toBe(
    1,
  );
  expect(ruleState("completionstatusrequired", rules({ completionstatusrequired: 2 }), passed2004, [1])).toBe(
    1,
  );
  expect(ruleState("completionstatusrequired", rules({ completionstatusrequired: 4 }), passed2004, [1])).toBe(
    0,
  );
  const scores = [{ scoid: 1, element: "cmi.score.raw", value: "42" }];
  expect(ruleState("completionscorerequired", rules({ completionscorerequired: 40 }), scores, [1])).toBe(1);
  expect(ruleState("completionscorerequired", rules({ completionscorerequired: 43 }), scores, [1])).toBe(0);
  expect(
    ruleState("completionstatusallscos", rules({ completionstatusallscos: 1 }), passed2004, [1, 2]),
  ).toBe(0);
  expect(ruleState("completionstatusallscos", rules({ completionstatusallscos: 1 }), passed2004, [1])).toBe(
    1,
  );
  expect(overallState(rules({}), [], [1]), "automatic tracking without rules completes").toBe(1);
  expect(
    overallState(rules({ completionstatusrequired: 6, completionscorerequired: 50 }), completed, [1]),
  ).toBe(0);
});

test("contract §3.5 (golden s12_mastery_override_on): completion is sticky and only evaluated by a regrade", async ({
  twinStorage,
}) => {
  const { insert, completion } = await setup(twinStorage, { completionstatusrequired: 6 });
  insert("cmi.core.lesson_status", "failed");
  expect(completion(), "a failed write alone never evaluates").toBeNull();
  insert("cmi.core.lesson_status", "completed");
  expect(completion()).toBe(1);
  insert("cmi.core.lesson_status", "failed");
  insert("cmi.core.score.raw", "10");
  expect(completion(), "once complete it stays complete").toBe(1);
});

test("contract §3.5 (golden s12_completion_passed_required): completed does not satisfy 'passed'; no row while 0", async ({
  twinStorage,
}) => {
  const { insert, completion, grade } = await setup(twinStorage, { completionstatusrequired: 2 });
  insert("cmi.core.lesson_status", "completed");
  insert("cmi.core.score.raw", "90");
  expect(grade()?.rawgrade).toBe(90);
  expect(completion(), "a state that does not change writes no row").toBeNull();
});

test("contract §3.5: without automatic tracking nothing is stored; with it and no rule a regrade completes", async ({
  twinStorage,
}) => {
  const none = await setup(twinStorage, { completion: 0 });
  none.insert("cmi.core.lesson_status", "passed");
  expect(none.completion()).toBeNull();
  const bare = await setup(twinStorage, { completion: 2 });
  bare.insert("cmi.core.score.raw", "5");
  expect(bare.completion()).toBe(1);
});

test("contract §3.5 (golden m2004_grademethod_scoes): all SCOs needs every SCO, success passed counts", async ({
  twinStorage,
}) => {
  const { insert, completion } = await setup(
    twinStorage,
    { grademethod: 0, completionstatusrequired: 6, completionstatusallscos: 1 },
    THREE_SCOS,
  );
  insert("cmi.core.lesson_status", "completed", 1, 0);
  insert("cmi.core.lesson_status", "passed", 1, 1);
  expect(completion()).toBeNull();
  insert("cmi.core.lesson_status", "failed", 1, 2);
  insert("cmi.core.score.raw", "40", 1, 2);
  expect(completion(), "a failed SCO does not count (m12_grademethod_scoes)").toBeNull();
  insert("cmi.core.lesson_status", "completed", 1, 2);
  expect(completion()).toBe(1);
});

test("contract §3.5: on 4.1 an incomplete rule fails once no attempt remains, and a failed rule counts as met", () => {
  const failed = [{ scoid: 1, element: "cmi.core.lesson_status", value: "failed" }];
  const passedOnly = rules({ completionstatusrequired: 2 });
  expect(withAttemptLimit(0, true)).toBe(3);
  expect(withAttemptLimit(0, false)).toBe(0);
  expect(withAttemptLimit(1, true), "a met rule stays met").toBe(1);
  expect(overallState(passedOnly, failed, [1])).toBe(0);
  expect(overallState(passedOnly, failed, [1], true), "get_overall_completion_state stops only on 0").toBe(1);
});

test("contract §3.5: the attempt-limit branch stores complete on Moodle 4.1 only", async ({
  twinStorage,
}) => {
  const { insert, completion } = await setup(twinStorage, { completionstatusrequired: 2, maxattempt: 2 });
  insert("cmi.core.lesson_status", "failed");
  insert("cmi.core.score.raw", "30");
  expect(completion(), "one of two attempts used: nothing changes").toBeNull();
  insert("cmi.core.lesson_status", "failed", 2);
  insert("cmi.core.score.raw", "35", 2);
  expect(completion(), `no attempt left on schema ${twinStorage.moodleSchema}`).toBe(
    twinStorage.moodleSchema === "4.1" ? 1 : null,
  );
});

test("contract §3.4: with no attempt left scorm_update_grades nulls the grade and re-checks completion", async ({
  twinStorage,
}) => {
  const { twin, learner, activity, insert, grade, completion } = await setup(twinStorage, {
    completionstatusrequired: 4,
  });
  insert("cmi.core.lesson_status", "completed");
  insert("cmi.core.score.raw", "70");
  expect(completion()).toBe(1);
  twin.tracks.deleteAttempt(twin.tracks.attempt(learner, activity.scormid, 1));
  scormUpdateGrades(twin.db, activity.scormid, learner);
  expect(grade()).toMatchObject({ rawgrade: null, finalgrade: null });
  expect(completion()).toBe(0);
});

test("contract §3.4: a settings change regrades everyone (scorm_update_instance)", async ({
  twinStorage,
}) => {
  const { twin, activity, insert, grade, item } = await setup(twinStorage, { maxgrade: 100 });
  insert("cmi.core.score.raw", "90");
  twin.db.run("UPDATE mdl_scorm SET maxgrade = 50 WHERE id = ?", [activity.scormid]);
  scormInstanceUpdated(twin.db, activity.scormid);
  expect(item()[0]).toMatchObject({ grademax: 50 });
  expect(grade()).toEqual({ rawgrade: 90, finalgrade: 50, rawgrademax: 50 });
});

test("contract §3.1 and §3.5: settings are checked as mod_form checks them", () => {
  expect(resolveScormSettings({})).toMatchObject({
    grademethod: 1,
    whatgrade: 0,
    maxgrade: 100,
    maxattempt: 0,
    completion: 0,
  });
  expect(resolveScormSettings({ completionstatusrequired: 4 }).completion).toBe(2);
  expect(() => resolveScormSettings({ grademethod: 4 as never })).toThrow(/grademethod/);
  expect(() => resolveScormSettings({ maxgrade: 101 })).toThrow(/maxgrade/);
  expect(() => resolveScormSettings({ completionstatusrequired: 3 })).toThrow(/completionstatusrequired/);
  expect(() => resolveScormSettings({ completionscorerequired: 0 })).toThrow(/above 0/);
  expect(() => resolveScormSettings({ completionstatusallscos: 1 })).toThrow(
    /needs completionstatusrequired/,
  );
  expect(() => resolveScormSettings({ completionstatusrequired: 2, completion: 0 })).toThrow(/automatic/);
});
