// One log event per refused request (P24): the plugin's \local_externalscormbridge\event\request_refused with the
// user, the context the request named (the activity's, else the system's), the address, the reason (errorcode
// and message) and the time. Successful requests log no such event.
import type { ContextRow } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import { EDULEVEL_OTHER, logEvent, type Actor } from "./log-store.ts";

export const REFUSAL_EVENT = "\\local_externalscormbridge\\event\\request_refused";

export interface Refusal {
  /** The web service or page that refused (e.g. local_externalscormbridge_commit). */
  operation: string;
  errorcode: string;
  message: string;
  context: ContextRow;
  courseid: number;
}

export function logRefusal(db: TwinDb, actor: Actor, refusal: Refusal): number {
  return logEvent(db, actor, {
    eventname: REFUSAL_EVENT,
    crud: "r",
    edulevel: EDULEVEL_OTHER,
    context: refusal.context,
    courseid: refusal.courseid,
    other: { operation: refusal.operation, errorcode: refusal.errorcode, reason: refusal.message },
  });
}
