// A stored value the plugin could not decrypt (the site key was lost or replaced): one event in the log store
// with the attempt, the element and the error, so that an admin sees why a learner restarted from scratch.
import type { TwinDb } from "./db.ts";
import { moduleContext } from "./contexts.ts";
import { EDULEVEL_OTHER, logEvent, type Actor } from "./log-store.ts";

export const UNREADABLE_VALUE_EVENT = "\\local_externalscormbridge\\event\\stored_value_unreadable";

export function logStoredValueUnreadable(
  db: TwinDb,
  actor: Actor,
  what: { cmid: number; courseid: number; attemptid: number; element: string; errorcode: string },
): number {
  return logEvent(db, actor, {
    eventname: UNREADABLE_VALUE_EVENT,
    crud: "r",
    edulevel: EDULEVEL_OTHER,
    context: moduleContext(db, what.cmid),
    courseid: what.courseid,
    objecttable: "scorm_attempt",
    objectid: what.attemptid,
    other: { element: what.element, errorcode: what.errorcode },
  });
}
