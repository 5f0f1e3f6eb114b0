// logstore_standard: one mdl_logstore_standard_log row per event, with Moodle's columns. `target` and `action`
// come from the event class's short name split at its last underscore; `other` is stored as JSON
// (logstore_standard/jsonformat = 1) — moodle-scorm-contract §5.2.
import type { ContextRow } from "./contexts.ts";
import type { TwinDb } from "./db.ts";

/** Who caused an event and from where: the request's user and address. */
export interface Actor {
  userid: number;
  ip: string;
}

export interface LogEvent {
  /** Fully qualified class name, e.g. \mod_scorm\event\sco_launched. */
  eventname: string;
  crud: "c" | "r" | "u" | "d";
  /** 0 other, 1 teaching, 2 participating. */
  edulevel: 0 | 1 | 2;
  context: ContextRow;
  courseid: number;
  objecttable?: string | null;
  objectid?: number | null;
  relateduserid?: number | null;
  other?: Record<string, unknown> | null;
}

export const EDULEVEL_OTHER = 0;
export const EDULEVEL_TEACHING = 1;
export const EDULEVEL_PARTICIPATING = 2;

/** component, target and action as Moodle derives them from the class name. */
export function eventNameParts(eventname: string): { component: string; target: string; action: string } {
  const m = /^\\([a-z0-9_]+)\\event\\([a-z0-9_]+)$/.exec(eventname);
  if (!m) throw new Error(`Not an event class name: ${eventname}`);
  const short = m[2]!;
  const cut = short.lastIndexOf("_");
  if (cut <= 0) throw new Error(`Event short name has no target_action form: ${short}`);
  return { component: m[1]!, target: short.slice(0, cut), action: short.slice(cut + 1) };
}

export function logEvent(db: TwinDb, actor: Actor, event: LogEvent): number {
  const { component, target, action } = eventNameParts(event.eventname);
  return db.insert("mdl_logstore_standard_log", {
    eventname: event.eventname,
    component,
    action,
    target,
    objecttable: event.objecttable ?? null,
    objectid: event.objectid ?? null,
    crud: event.crud,
    edulevel: event.edulevel,
    contextid: event.context.id,
    contextlevel: event.context.contextlevel,
    contextinstanceid: event.context.instanceid,
    userid: actor.userid,
    courseid: event.courseid,
    relateduserid: event.relateduserid ?? null,
    anonymous: 0,
    other: event.other === undefined || event.other === null ? null : JSON.stringify(event.other),
    timecreated: Math.floor(Date.now() / 1000),
    origin: "web",
    ip: actor.ip,
    realuserid: null,
  });
}
