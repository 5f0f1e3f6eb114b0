// Compares the mod_scorm events the twin logged for the learner with the log events Moodle 4.5.6 wrote (db.logs
// after the last launch; the event names of the db snapshot when only the first launches are replayed). Events are
// compared as counts per key — event, SCO or element=value, attempt — because their order inside one commit is the
// client's (the native player posts elements in its own object order, the bridge in SetValue order). Differences
// use the stored-values shape so golden-divergences.json lists them like the others: sco "(log)", attempt = the
// attempt number the event names (0 when none), element = the event key, expected/actual = the counts.
// Besides mod_scorm's events, the two core events its grading causes are compared: user_graded (keyed by the final
// grade it reports) and course_module_completion_updated (keyed by the new state), about the learner.
import type { LogEventRow } from "../lms-driver/lms-driver.ts";
import type { GoldenScenario } from "./scenario-types.ts";
import { attemptFromToken, scoFromToken, type Difference } from "./stored-values-diff.ts";

export const LOG_SCO = "(log)";

/** One normalised event: what is counted. */
export interface EventKey {
  attempt: number;
  key: string;
}

/** The event names a db snapshot may list (it has names only) that are compared. */
const COMPARED_EVENTS = new Set([
  "course_module_viewed",
  "sco_launched",
  "scoreraw_submitted",
  "status_submitted",
  "attempt_deleted",
  "user_graded",
  "course_module_completion_updated",
]);

/** Core events caused by mod_scorm's grading: the learner's grade and completion. */
const CORE_EVENTS = new Set([
  "\\core\\event\\user_graded",
  "\\core\\event\\course_module_completion_updated",
]);

/** Whether a log row is one the comparison counts: a mod_scorm event, or a core grading event about `learner`. */
export function isComparedEvent(
  row: { component: string; eventname: string; relateduserid: string | number | null },
  learner: string | number,
): boolean {
  return row.component === "mod_scorm" || (CORE_EVENTS.has(row.eventname) && row.relateduserid === learner);
}

const shortName = (eventname: string): string => eventname.slice(eventname.lastIndexOf("\\") + 1);

function keyOf(name: string, other: Record<string, unknown> | null, sco: string | null): string {
  if (name === "sco_launched") return `sco_launched ${sco ?? "?"}`;
  if (name.endsWith("_submitted")) return `${name} ${String(other?.cmielement)}=${String(other?.cmivalue)}`;
  if (name === "user_graded") return `${name} finalgrade=${String(other?.finalgrade)}`;
  if (name === "course_module_completion_updated")
    return `${name} completionstate=${String(other?.completionstate)}`;
  return name;
}

interface GoldenLogRow {
  eventname: string;
  component: string;
  objectid: string | null;
  userid: string;
  relateduserid: string | null;
  other: Record<string, unknown> | null;
}

/** Moodle's events for the actor, after launch `afterLaunch`. */
export function goldenEventKeys(s: GoldenScenario, afterLaunch: number): EventKey[] | undefined {
  const user = `<${s.actor}>`;
  if (afterLaunch === s.launches.length - 1) {
    const logs = (s.db as { logs?: GoldenLogRow[] }).logs;
    if (!logs) return undefined;
    return logs
      .filter((l) => l.userid === user && isComparedEvent(l, user))
      .map((l) => {
        const name = shortName(l.eventname);
        const attempt = typeof l.other?.attemptid === "string" ? attemptFromToken(l.other.attemptid) : 0;
        return { attempt, key: keyOf(name, l.other, l.objectid ? scoFromToken(l.objectid) : null) };
      });
  }
  const snapshot = s.db_snapshots.find((x) => x.after_launch === afterLaunch) as
    { events?: string[] } | undefined;
  return snapshot?.events?.filter((e) => COMPARED_EVENTS.has(e)).map((key) => ({ attempt: 0, key }));
}

/**
 * The twin's events for the learner (rows the learner caused; core grading events only about the learner), keyed as `goldenEventKeys` does; `namesOnly` keys by event name alone (to
 * compare with a snapshot). `attemptNumber` maps a scorm_attempt id to its attempt number.
 */
export function twinEventKeys(
  rows: readonly LogEventRow[],
  scoIdentifiers: ReadonlyMap<number, string>,
  attemptNumber: (attemptid: number) => number,
  namesOnly: boolean,
): EventKey[] {
  return rows
    .filter((r) => isComparedEvent(r, r.userid))
    .map((r) => {
      const name = shortName(r.eventname);
      if (namesOnly) return { attempt: 0, key: name };
      const attempt = typeof r.other?.attemptid === "number" ? attemptNumber(r.other.attemptid) : 0;
      const sco = name === "sco_launched" ? (scoIdentifiers.get(Number(r.objectid)) ?? null) : null;
      return { attempt, key: keyOf(name, r.other, sco) };
    });
}

function counts(keys: readonly EventKey[]): Map<string, { attempt: number; key: string; n: number }> {
  const out = new Map<string, { attempt: number; key: string; n: number }>();
  for (const k of keys) {
    const id = `${k.attempt}\u0000${k.key}`;
    const entry = out.get(id) ?? { ...k, n: 0 };
    entry.n += 1;
    out.set(id, entry);
  }
  return out;
}

export function diffEventKeys(expected: readonly EventKey[], actual: readonly EventKey[]): Difference[] {
  const want = counts(expected);
  const got = counts(actual);
  const diffs: Difference[] = [];
  for (const id of new Set([...want.keys(), ...got.keys()])) {
    const w = want.get(id);
    const g = got.get(id);
    if ((w?.n ?? 0) === (g?.n ?? 0)) continue;
    const { attempt, key } = (w ?? g)!;
    diffs.push({
      kind: "different",
      sco: LOG_SCO,
      attempt,
      element: key,
      expected: String(w?.n ?? 0),
      actual: String(g?.n ?? 0),
    });
  }
  return diffs;
}
