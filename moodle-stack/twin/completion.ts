// Activity completion as mod_scorm drives it (moodle-scorm-contract §3.5, Moodle 4.5.6 custom_completion.php and
// core completion_info::update_state): the three custom rules evaluated over every attempt of the user, and the
// state stored in course_modules_completion only when scorm_set_completion asks (that is, after a grade
// recalculation) and only while the answer can change: once complete it stays complete (sticky), and only 0/1 are
// written. On the 4.1 schema an incomplete rule is COMPLETE_FAIL once the learner has used every allowed attempt
// (4.1's custom_completion::get_state; the block is gone in 4.5.6), and core counts a failed rule as not
// incomplete, so the activity is stored complete (1).
// A stored change logs \core\event\course_module_completion_updated (core-events.ts).
import { actingUser, courseModuleCompletionUpdated } from "./core-events.ts";
import type { TwinDb } from "./db.ts";
import type { Actor } from "./log-store.ts";

export const COMPLETION_INCOMPLETE = 0;
export const COMPLETION_COMPLETE = 1;
export const COMPLETION_COMPLETE_PASS = 2;
export const COMPLETION_COMPLETE_FAIL = 3;

export const COMPLETION_TRACKING_NONE = 0;
export const COMPLETION_TRACKING_MANUAL = 1;
export const COMPLETION_TRACKING_AUTOMATIC = 2;

/** scorm_status_options(): the bits of completionstatusrequired. */
export const STATUS_BITS: Readonly<Record<string, number>> = { passed: 2, completed: 4 };
const ANY_STATUS = 6;

const STATUS_ELEMENTS = new Set(["cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"]);
const SCORE_ELEMENTS = new Set(["cmi.core.score.raw", "cmi.score.raw"]);

/** The completion columns of mdl_scorm (null or 0 = rule off). */
export interface CompletionRules {
  completionstatusrequired: number | null;
  completionscorerequired: number | null;
  completionstatusallscos: number | null;
}

export type RuleName = keyof CompletionRules;

/** A stored value of the user in the activity, any attempt. */
export interface CompletionTrack {
  scoid: number;
  element: string;
  value: string;
}

/** PHP floatval() of a stored string: the leading number, else 0. */
function floatval(value: string): number {
  const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(value);
  return m ? Number(m[0]) : 0;
}

/** The rules in force: activity_custom_completion only checks the rules whose setting is not empty. */
export function availableRules(rules: CompletionRules): RuleName[] {
  const names: RuleName[] = [
    "completionstatusrequired",
    "completionscorerequired",
    "completionstatusallscos",
  ];
  return names.filter((r) => !!rules[r]);
}

/**
 * custom_completion::get_state for one rule (§3.5). Values are matched literally over all attempts:
 * - status required: some status element holds "passed" (bit 2) or "completed" (bit 4) matching the setting, or
 *   either when the setting is 6;
 * - minimum score: some non-empty score.raw whose float value is at least the setting;
 * - all SCOs: every scorm_scoes row of type "sco" has some status element holding passed or completed.
 */
export function ruleState(
  rule: RuleName,
  rules: CompletionRules,
  tracks: readonly CompletionTrack[],
  scoScoIds: readonly number[],
): 0 | 1 {
  switch (rule) {
    case "completionstatusrequired": {
      const required = rules.completionstatusrequired ?? 0;
      const ok = tracks.some(
        (t) =>
          STATUS_ELEMENTS.has(t.element) &&
          Object.hasOwn(STATUS_BITS, t.value) &&
          (required === ANY_STATUS || STATUS_BITS[t.value] === required),
      );
      return ok ? 1 : 0;
    }
    case "completionscorerequired": {
      const required = rules.completionscorerequired ?? 0;
      const ok = tracks.some(
        (t) => SCORE_ELEMENTS.has(t.element) && t.value.length > 0 && floatval(t.value) >= required,
      );
      return ok ? 1 : 0;
    }
    case "completionstatusallscos": {
      const done = new Set(
        tracks
          .filter((t) => STATUS_ELEMENTS.has(t.element) && Object.hasOwn(STATUS_BITS, t.value))
          .map((t) => t.scoid),
      );
      return scoScoIds.every((id) => done.has(id)) ? 1 : 0;
    }
  }
}

/**
 * The tail of Moodle 4.1's custom_completion::get_state (§3.5): a rule still incomplete when no attempt remains
 * (maxattempt > 0 and the learner's distinct tracked attempts reach it) is COMPLETE_FAIL. Moodle 4.5 has no such
 * branch: there `attemptsExhausted` is always false.
 */
export function withAttemptLimit(state: 0 | 1, attemptsExhausted: boolean): number {
  return state === COMPLETION_INCOMPLETE && attemptsExhausted ? COMPLETION_COMPLETE_FAIL : state;
}

/**
 * completion_info::internal_get_state for automatic tracking without a view or grade condition: complete when no
 * available custom rule is incomplete (activity_custom_completion::get_overall_completion_state returns early only
 * on INCOMPLETE, so a 4.1 COMPLETE_FAIL rule counts as met), so also when there is none.
 */
export function overallState(
  rules: CompletionRules,
  tracks: readonly CompletionTrack[],
  scoScoIds: readonly number[],
  attemptsExhausted = false,
): 0 | 1 {
  return availableRules(rules).every(
    (r) =>
      withAttemptLimit(ruleState(r, rules, tracks, scoScoIds), attemptsExhausted) !== COMPLETION_INCOMPLETE,
  )
    ? 1
    : 0;
}

/** Whether update_state recalculates at all (completion_info::update_state's early return). */
export function needsRecalculation(possibleresult: number, current: number): boolean {
  if (possibleresult === current) return false;
  if (
    possibleresult === COMPLETION_COMPLETE &&
    (current === COMPLETION_COMPLETE_PASS || current === COMPLETION_COMPLETE_FAIL)
  )
    return false;
  return true;
}

const now = (): number => Math.floor(Date.now() / 1000);

interface CmRow {
  [key: string]: number | null;
  cmid: number;
  courseid: number;
  completion: number;
  enablecompletion: number;
  completionstatusrequired: number | null;
  completionscorerequired: number | null;
  completionstatusallscos: number | null;
  maxattempt: number;
}

export class Completion {
  /** `actor`: the user whose request changes the state (the event's userid); else the learner. */
  constructor(
    private readonly db: TwinDb,
    private readonly actor: Actor | null = null,
  ) {}

  /** course_modules_completion.completionstate of the user (0 when there is no row). */
  state(cmid: number, userid: number): number {
    const row = this.db.get<{ completionstate: number }>(
      "SELECT completionstate FROM mdl_course_modules_completion WHERE coursemoduleid = ? AND userid = ?",
      [cmid, userid],
    );
    return row?.completionstate ?? COMPLETION_INCOMPLETE;
  }

  /**
   * Whether 4.1's attempt-limit branch turns incomplete rules into COMPLETE_FAIL: only on the 4.1 schema, with an
   * attempt limit, once scorm_get_attempt_count (distinct attempts with any stored value) reaches it.
   */
  private attemptsExhausted(scormid: number, userid: number, maxattempt: number): boolean {
    if (this.db.tracks.schema !== "4.1" || maxattempt <= 0) return false;
    const row = this.db.get<{ n: number }>(
      `SELECT COUNT(DISTINCT t.attempt) AS n FROM ${this.db.tracks.values} t WHERE t.userid = ? AND t.scormid = ?`,
      [userid, scormid],
    );
    return Number(row?.n ?? 0) >= maxattempt;
  }

  /**
   * scorm_set_completion → completion_info::update_state(cm, possibleresult, userid) for the activity's course
   * module: nothing when completion is off for the course or the module (or tracked manually, which the twin does
   * not model), nothing when the stored state already is the possible result, else the rules are evaluated and a
   * changed state is stored.
   */
  updateState(scormid: number, userid: number, possibleresult: number): void {
    const cm = this.db.get<CmRow>(
      `SELECT cm.id AS cmid, s.course AS courseid, cm.completion, c.enablecompletion, s.completionstatusrequired,
              s.completionscorerequired, s.completionstatusallscos, s.maxattempt
         FROM mdl_scorm s
         JOIN mdl_course_modules cm ON cm.instance = s.id
         JOIN mdl_modules m ON m.id = cm.module AND m.name = 'scorm'
         JOIN mdl_course c ON c.id = s.course
        WHERE s.id = ?`,
      [scormid],
    );
    if (!cm || !cm.enablecompletion || cm.completion !== COMPLETION_TRACKING_AUTOMATIC) return;
    const current = this.state(cm.cmid, userid);
    if (!needsRecalculation(possibleresult, current)) return;
    const tracks = this.db.all<CompletionTrack & { [key: string]: number | string }>(
      `SELECT t.scoid, t.element, t.value
         FROM ${this.db.tracks.values} t
        WHERE t.scormid = ? AND t.userid = ?
          AND t.element IN ('cmi.core.lesson_status', 'cmi.completion_status', 'cmi.success_status',
                            'cmi.core.score.raw', 'cmi.score.raw')`,
      [scormid, userid],
    );
    const scoIds = this.db
      .all<{ id: number }>("SELECT id FROM mdl_scorm_scoes WHERE scorm = ? AND scormtype = 'sco'", [scormid])
      .map((r) => r.id);
    const rules: CompletionRules = {
      completionstatusrequired: cm.completionstatusrequired,
      completionscorerequired: cm.completionscorerequired,
      completionstatusallscos: cm.completionstatusallscos,
    };
    const newstate = overallState(
      rules,
      tracks,
      scoIds,
      this.attemptsExhausted(scormid, userid, cm.maxattempt),
    );
    if (newstate === current) return;
    this.db.upsert(
      "mdl_course_modules_completion",
      { coursemoduleid: cm.cmid, userid, completionstate: newstate, overrideby: null, timemodified: now() },
      ["userid", "coursemoduleid"],
    );
    const row = this.db.get<{ id: number }>(
      "SELECT id FROM mdl_course_modules_completion WHERE coursemoduleid = ? AND userid = ?",
      [cm.cmid, userid],
    );
    courseModuleCompletionUpdated(this.db, actingUser(this.actor, userid), {
      id: row!.id,
      cmid: cm.cmid,
      courseid: cm.courseid,
      userid,
      completionstate: newstate,
    });
  }
}
