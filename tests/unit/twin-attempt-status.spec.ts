// The view page's attempt status, line for line as mod_scorm's scorm_get_attempt_status prints it (Moodle 4.5.6
// locallib.php; golden launches' view_text; moodle-scorm-contract §3.2-§3.3 for the grades): attempts allowed and
// made, each attempt's grade as a percentage of the maximum grade (also for learning objects), the grading method's
// name (the grade method with one attempt allowed, else the "what grade" rule) and the grade reported.
import { attemptStatus, numberFormat0, shownGrade } from "../../moodle-stack/twin/attempt-status.ts";
import { expect, test } from "../support/twin-database-test.ts";
import { twinWithProbeActivity } from "../support/twin-with-probe-activity.ts";

test("PHP number_format(x, 0) and the shown grade", () => {
  expect([0, 0.5, 1.5, 2.4999, 44.5, -0.5, 1234.5].map(numberFormat0)).toEqual([
    "0",
    "1",
    "2",
    "2",
    "45",
    "-1",
    "1,235",
  ]);
  expect(shownGrade(45, 100)).toBe("45%");
  expect(shownGrade(2, 3)).toBe("67%");
  expect(shownGrade(null, 100)).toBe("0%");
  expect(shownGrade(180, 100)).toBe("180%");
  expect(shownGrade(42.5, 0)).toBe("42.5");
});

test("attempt status: none yet, then one line per attempt, the what-grade rule and the reported grade", async ({
  twinStorage,
}) => {
  const { twin, learner, activity, scoid } = await twinWithProbeActivity({
    bridgeDir: "/nonexistent",
    ...twinStorage,
  });
  const set = (sql: string) => twin.db.run(`UPDATE mdl_scorm SET ${sql} WHERE id = ?`, [activity.scormid]);
  set("maxattempt = 0, whatgrade = 0, grademethod = 1, maxgrade = 100");
  expect(attemptStatus(twin.db, activity.scormid, learner)).toEqual({
    lines: [
      "Number of attempts allowed: Unlimited",
      "Number of attempts you have made: 0",
      "Grading method: Highest attempt",
      "Grade reported: None",
    ],
    exceeded: null,
  });
  const first = twin.tracks.attempt(learner, activity.scormid, 1);
  twin.tracks.insertTrack(first, scoid, "cmi.core.lesson_status", "passed");
  twin.tracks.insertTrack(first, scoid, "cmi.core.score.raw", "70");
  const second = twin.tracks.attempt(learner, activity.scormid, 2);
  twin.tracks.insertTrack(second, scoid, "cmi.core.lesson_status", "passed");
  twin.tracks.insertTrack(second, scoid, "cmi.core.score.raw", "44.5");
  set("whatgrade = 3");
  expect(attemptStatus(twin.db, activity.scormid, learner)?.lines).toEqual([
    "Number of attempts allowed: Unlimited",
    "Number of attempts you have made: 2",
    "Grade for attempt 1: 70%",
    "Grade for attempt 2: 45%",
    "Grading method: Last completed attempt",
    "Grade reported: 45%",
  ]);
  // Two attempts allowed and made: the limit is reached. One allowed: the grade method is named instead.
  set("maxattempt = 2, whatgrade = 1");
  const limited = attemptStatus(twin.db, activity.scormid, learner);
  expect(limited?.lines[0]).toBe("Number of attempts allowed: 2");
  expect(limited?.lines).toContain("Grading method: Average attempts");
  expect(limited?.exceeded).toBe("You have reached the maximum number of attempts.");
  set("maxattempt = 1, grademethod = 0, maxgrade = 1");
  expect(attemptStatus(twin.db, activity.scormid, learner)?.lines.slice(2)).toEqual([
    "Grade for attempt 1: 100%",
    "Grade for attempt 2: 100%",
    "Grading method: Learning objects",
    "Grade reported: 100%",
  ]);
});
