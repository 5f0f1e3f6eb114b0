// Mutant (server side): status_submitted is logged for every status write, incomplete and browsed included, not only
// for completed, passed and failed as mod_scorm does (breaks P10's event log).
export * from "../../../moodle-stack/twin/scorm-events.ts";
import { moduleContext } from "../../../moodle-stack/twin/contexts.ts";
import type { TwinDb } from "../../../moodle-stack/twin/db.ts";
import { EDULEVEL_PARTICIPATING, logEvent, type Actor } from "../../../moodle-stack/twin/log-store.ts";
import {
  trackSubmitted as referenceTrackSubmitted,
  type ScormActivityRef,
} from "../../../moodle-stack/twin/scorm-events.ts";

const STATUS_ELEMENTS = new Set(["cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"]);

export function trackSubmitted(
  db: TwinDb,
  actor: Actor,
  activity: ScormActivityRef,
  track: { attemptid: number; learnerid: number; element: string; value: string },
): void {
  if (!STATUS_ELEMENTS.has(track.element)) return referenceTrackSubmitted(db, actor, activity, track);
  logEvent(db, actor, {
    eventname: "\\mod_scorm\\event\\status_submitted",
    crud: "u",
    edulevel: EDULEVEL_PARTICIPATING,
    context: moduleContext(db, activity.cmid),
    courseid: activity.courseid,
    objecttable: "scorm_scoes_value",
    objectid: activity.scormid,
    relateduserid: track.learnerid,
    other: { attemptid: track.attemptid, cmielement: track.element, cmivalue: track.value },
  });
}
