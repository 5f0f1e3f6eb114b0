// mod_scorm's events (moodle-scorm-contract §5.2, checked against the golden logs of Moodle 4.5.6), written to the
// log store where mod_scorm fires them: sco_launched when content is launched, scoreraw_submitted for every
// score.raw write, status_submitted for every status write of completed/failed/passed (also when the stored value
// does not change), attempt_deleted when a teacher deletes an attempt.
import { moduleContext } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import { EDULEVEL_PARTICIPATING, EDULEVEL_TEACHING, logEvent, type Actor } from "./log-store.ts";

/** The activity an event is about: its course module, course and scorm instance. */
export interface ScormActivityRef {
  cmid: number;
  courseid: number;
  scormid: number;
}

const SCORE_ELEMENTS = new Set(["cmi.core.score.raw", "cmi.score.raw"]);
const STATUS_ELEMENTS = new Set(["cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"]);
const STATUS_EVENT_VALUES = new Set(["completed", "failed", "passed"]);

export function courseModuleViewed(db: TwinDb, actor: Actor, activity: ScormActivityRef): void {
  logEvent(db, actor, {
    eventname: "\\mod_scorm\\event\\course_module_viewed",
    crud: "r",
    edulevel: EDULEVEL_PARTICIPATING,
    context: moduleContext(db, activity.cmid),
    courseid: activity.courseid,
    objecttable: "scorm",
    objectid: activity.scormid,
  });
}

export function scoLaunched(
  db: TwinDb,
  actor: Actor,
  activity: ScormActivityRef,
  scoid: number,
  loadedcontent: string,
): void {
  logEvent(db, actor, {
    eventname: "\\mod_scorm\\event\\sco_launched",
    crud: "r",
    edulevel: EDULEVEL_PARTICIPATING,
    context: moduleContext(db, activity.cmid),
    courseid: activity.courseid,
    objecttable: "scorm_scoes",
    objectid: scoid,
    other: { instanceid: activity.scormid, loadedcontent },
  });
}

/** The event scorm_insert_track fires for a stored element, if any (mod_scorm's stored element names). */
export function submittedEventName(element: string, value: string): string | null {
  if (SCORE_ELEMENTS.has(element)) return "\\mod_scorm\\event\\scoreraw_submitted";
  if (STATUS_ELEMENTS.has(element) && STATUS_EVENT_VALUES.has(value))
    return "\\mod_scorm\\event\\status_submitted";
  return null;
}

/** What scorm_insert_track logs after storing `element` = `value` in the learner's attempt. */
export function trackSubmitted(
  db: TwinDb,
  actor: Actor,
  activity: ScormActivityRef,
  track: { attemptid: number; learnerid: number; element: string; value: string },
): void {
  const eventname = submittedEventName(track.element, track.value);
  if (!eventname) return;
  logEvent(db, actor, {
    eventname,
    crud: "u",
    edulevel: EDULEVEL_PARTICIPATING,
    context: moduleContext(db, activity.cmid),
    courseid: activity.courseid,
    // mod_scorm names its values table (4.1 scorm_scoes_track, 4.3+ scorm_scoes_value) and logs the scorm id.
    objecttable: db.tracks.valueTable,
    objectid: activity.scormid,
    relateduserid: track.learnerid,
    other: { attemptid: track.attemptid, cmielement: track.element, cmivalue: track.value },
  });
}

/** scorm_delete_attempt(): `attempt` is the attempt number, as mod_scorm logs it. */
export function attemptDeleted(
  db: TwinDb,
  actor: Actor,
  activity: ScormActivityRef,
  learnerid: number,
  attempt: number,
): void {
  logEvent(db, actor, {
    eventname: "\\mod_scorm\\event\\attempt_deleted",
    crud: "d",
    edulevel: EDULEVEL_TEACHING,
    context: moduleContext(db, activity.cmid),
    courseid: activity.courseid,
    relateduserid: learnerid,
    other: { attemptid: attempt },
  });
}
