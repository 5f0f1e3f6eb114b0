// The two core events mod_scorm's grading causes (moodle-scorm-contract §3.4 and §3.5, checked against the golden
// logs of Moodle 4.5.6): \core\event\user_graded when grade_item::update_raw_grade inserts a grade with a final grade
// or changes the final grade of an existing one (course context, the grade_grades row, other = itemid, overridden,
// finalgrade), and \core\event\course_module_completion_updated when completion_info::internal_set_data stores a
// changed state (module context, the course_modules_completion row, other = relateduserid, overrideby,
// completionstate). The event's userid is the acting user, relateduserid the learner.
import { courseContext, moduleContext } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import { EDULEVEL_PARTICIPATING, EDULEVEL_TEACHING, logEvent, type Actor } from "./log-store.ts";

/** Who acts when a caller names nobody (a regrade after a settings change): the user recorded as modifier. */
export function actingUser(actor: Actor | null | undefined, usermodified: number | null): Actor {
  return actor ?? { userid: usermodified ?? 0, ip: "0.0.0.0" };
}

export function userGraded(
  db: TwinDb,
  actor: Actor,
  grade: { id: number; itemid: number; userid: number; finalgrade: number | null; courseid: number },
): void {
  logEvent(db, actor, {
    eventname: "\\core\\event\\user_graded",
    crud: "u",
    edulevel: EDULEVEL_TEACHING,
    context: courseContext(db, grade.courseid),
    courseid: grade.courseid,
    objecttable: "grade_grades",
    objectid: grade.id,
    relateduserid: grade.userid,
    other: { itemid: grade.itemid, overridden: false, finalgrade: grade.finalgrade },
  });
}

export function courseModuleCompletionUpdated(
  db: TwinDb,
  actor: Actor,
  completion: { id: number; cmid: number; courseid: number; userid: number; completionstate: number },
): void {
  logEvent(db, actor, {
    eventname: "\\core\\event\\course_module_completion_updated",
    crud: "u",
    edulevel: EDULEVEL_PARTICIPATING,
    context: moduleContext(db, completion.cmid),
    courseid: completion.courseid,
    objecttable: "course_modules_completion",
    objectid: completion.id,
    relateduserid: completion.userid,
    other: {
      relateduserid: completion.userid,
      overrideby: null,
      completionstate: completion.completionstate,
    },
  });
}
