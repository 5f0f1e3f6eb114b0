// The LMS driver: everything a property may ask of an LMS, independent of whether a Moodle twin or a real
// Moodle answers. Reads go through SQL over Moodle's own tables.
import type { Locator, Page } from "@playwright/test";
import type { TeacherSide } from "./teacher-side.ts";
import { MOODLE45_VALUES } from "../../moodle-stack/twin/track-storage-moodle45.ts";

export interface LmsUser {
  id: number;
  username: string;
  password: string;
}

export interface CdnActivity {
  cmid: number;
  scormid: number;
  /** Moodle's scorm.version column: SCORM_1.2 or SCORM_1.3. */
  version: string;
  /** The launchable scorm_scoes rows, in manifest order (scormtype "sco" or "asset"). */
  scoes: Array<{ id: number; identifier: string; launch: string; scormtype?: string }>;
}

/**
 * Grading, attempt and completion settings of a new activity, by mod_scorm's column names (moodle-scorm-contract
 * §3.1, §3.5); anything left out gets the site's defaults (highest SCO score, highest attempt, maximum grade 100,
 * unlimited attempts, no completion rule). `completion` is course_modules.completion: 2 (automatic) by default
 * when a completion rule is set, else 0.
 */
export interface ActivitySettings {
  grademethod?: 0 | 1 | 2 | 3;
  whatgrade?: 0 | 1 | 2 | 3;
  maxgrade?: number;
  maxattempt?: number;
  forcecompleted?: 0 | 1;
  forcenewattempt?: 0 | 1 | 2;
  masteryoverride?: 0 | 1;
  /** 2 passed, 4 completed, 6 either. */
  completionstatusrequired?: 2 | 4 | 6 | null;
  completionscorerequired?: number | null;
  completionstatusallscos?: 0 | 1 | null;
  completion?: 0 | 2;
}

/** The user's grade for the activity in the gradebook (grade_items + grade_grades), null values as stored. */
export interface GradebookGrade {
  rawgrade: number | null;
  finalgrade: number | null;
  rawgrademax: number;
  rawgrademin: number;
  /** The grade item's range and type (1 value, 0 none). */
  grademax: number;
  grademin: number;
  gradetype: number;
}

export interface StoredTrack {
  scoid: number;
  attempt: number;
  element: string;
  value: string;
  timemodified: number;
}

/** Course roles a user can be enrolled with (Moodle's standard archetypes). */
export type LmsRole = "student" | "teacher" | "editingteacher" | "manager";

/** A role override's permission in an activity's context. */
export type LmsPermission = "inherit" | "allow" | "prevent" | "prohibit";

/** One mdl_logstore_standard_log row; `other` decoded from JSON. */
export interface LogEventRow {
  id: number;
  eventname: string;
  component: string;
  action: string;
  target: string;
  objecttable: string | null;
  objectid: number | null;
  crud: string;
  edulevel: number;
  contextid: number;
  contextlevel: number;
  contextinstanceid: number;
  userid: number;
  courseid: number | null;
  relateduserid: number | null;
  other: Record<string, unknown> | null;
  timecreated: number;
  origin: string | null;
  ip: string | null;
}

/** One launch the plugin issued: its id, the nonce its frame must echo, SCO and attempt number. */
export interface LaunchRecord {
  launchid: string;
  nonce: string;
  scoid: number;
  attempt: number;
}

/** The LMS refused a CDN URL: its stable code and the reason it gives the teacher. */
export class CdnUrlRefused extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(`CDN URL refused (${code}): ${reason}`);
    this.name = "CdnUrlRefused";
  }
}

export interface LmsDriver extends TeacherSide {
  readonly kind: string;
  readonly origin: string;
  createCourse(fullname: string): Promise<number>;
  /** A learner account; "Sam Learner" unless other names are given (e.g. ADL's test learner). */
  createUser(username?: string, names?: { firstname: string; lastname: string }): Promise<LmsUser>;
  /** Manual enrolment, as a student unless another role is named. */
  enrol(user: LmsUser, courseId: number, role?: LmsRole): Promise<void>;
  /** Suspends (or reactivates) the user's enrolment in the course. */
  suspendEnrolment(user: LmsUser, courseId: number, suspended?: boolean): Promise<void>;
  /** The site's guest account, with guest access enabled on the course. */
  guestUser(courseId: number): Promise<LmsUser>;
  /** Overrides one capability for a role in the activity's context. */
  overrideCapability(
    activity: CdnActivity,
    role: LmsRole,
    capability: string,
    permission: LmsPermission,
  ): Promise<void>;
  /** Attempt settings of the activity: maxattempt (0 = unlimited) and forcenewattempt (0 no, 1 on complete, 2 always). */
  setAttemptSettings(
    activity: CdnActivity,
    settings: { maxattempt: number; forcenewattempt?: number },
  ): Promise<void>;
  /**
   * Creates a SCORM activity of the "CDN URL" type from an imsmanifest.xml URL, with optional settings. The LMS
   * checks the URL first; a refusal throws CdnUrlRefused with the LMS's code and reason.
   */
  createCdnActivity(
    courseId: number,
    name: string,
    manifestUrl: string,
    settings?: ActivitySettings,
  ): Promise<CdnActivity>;
  /** The LMS's own "add a CDN URL activity" form for the course (a teacher or manager fills it in the browser). */
  activityFormUrl(courseId: number): string;
  /** Signs the user in: the page's browser context then carries the LMS session cookie. */
  login(page: Page, user: LmsUser): Promise<void>;
  /** The player for a SCO; `newAttempt` asks for a new attempt as the view page's checkbox does. */
  playerUrl(activity: CdnActivity, scoid: number, options?: { newAttempt?: boolean }): string;
  /**
   * The activity's entry page (mod/scorm/view.php?id=cmid), which logs course_module_viewed and whose Enter button
   * (#n; "Start a new attempt" is #a-newattempt) opens the player for the first SCO. Optional: a driver without it
   * can only open the player directly.
   */
  viewUrl?(activity: CdnActivity): string;
  /**
   * The player page's table-of-contents links to the activity's SCOs, in manifest order (the twin's own list; a
   * real Moodle's mod_scorm tree): `.nth(i)` is the link to `activity.scoes[i]`.
   */
  tocLinks(page: Page): Locator;
  /** Launches the plugin issued to the user in the activity, oldest first. */
  launches(activity: CdnActivity, user: LmsUser): Promise<LaunchRecord[]>;
  /** Log store rows with an id above `afterId`, oldest first. */
  logEvents(afterId?: number): Promise<LogEventRow[]>;
  /** Every stored track of a user in an activity (mod_scorm's element spelling), in insertion order. */
  tracks(activity: CdnActivity, user: LmsUser): Promise<StoredTrack[]>;
  /** The user's gradebook grade for the activity (GRADEBOOK_SQL), or null when the gradebook has no row. */
  gradebookGrade(activity: CdnActivity, user: LmsUser): Promise<GradebookGrade | null>;
  /** course_modules_completion.completionstate of the user (COMPLETION_SQL); 0 when there is no row. */
  completionState(activity: CdnActivity, user: LmsUser): Promise<number>;
  /**
   * Saves the bridge plugin's settings (retry schedule and jitter, API/handshake/heartbeat timing, …) as the
   * admin form would; names left out take their defaults. Rejects with the form's reason for a bad value.
   */
  setBridgeSettings(settings: Record<string, unknown>): Promise<void>;
  /** Rewrites an activity's stored CDN URL behind the plugin's back, as someone with database access could. */
  tamperCdnUrl(activity: CdnActivity, manifestUrl: string): Promise<void>;
  /** Ends every login session of the user (as a session timeout or "log out everywhere" does). */
  expireSessions(user: LmsUser): Promise<void>;
  /** Removes the user's enrolment in the course (their next save is refused for good). */
  unenrol(user: LmsUser, courseId: number): Promise<void>;
}

/**
 * The query every driver runs to read tracks, over the LMS's relation of stored values (the same columns on every
 * Moodle schema: the twin's TrackStorage.values).
 */
export function tracksSql(values: string): string {
  return `
SELECT t.scoid AS scoid, t.attempt AS attempt, t.element AS element, t.value AS value, t.timemodified AS timemodified
  FROM ${values} t
 WHERE t.scormid = ? AND t.userid = ?
 ORDER BY t.id`;
}

/** tracksSql on Moodle 4.3+ (scorm_attempt, scorm_element, scorm_scoes_value). */
export const TRACKS_SQL = tracksSql(MOODLE45_VALUES);

/** The query every driver runs to read the standard log store. */
export const LOG_EVENTS_SQL = `
SELECT id, eventname, component, action, target, objecttable, objectid, crud, edulevel, contextid, contextlevel,
       contextinstanceid, userid, courseid, relateduserid, other, timecreated, origin, ip
  FROM mdl_logstore_standard_log
 WHERE id > ?
 ORDER BY id`;

/** The query every driver runs to list a user's launches of an activity (the plugin keeps the attempt number). */
export const LAUNCHES_SQL = `
SELECT l.launchid AS launchid, l.nonce AS nonce, l.scoid AS scoid, l.attempt AS attempt
  FROM mdl_local_extscormbridge_launch l
 WHERE l.scormid = ? AND l.userid = ?
 ORDER BY l.id`;

/** A log row as read through SQL, `other` decoded. */
export function toLogEventRow(row: Record<string, unknown>): LogEventRow {
  const other = typeof row.other === "string" && row.other !== "" ? (JSON.parse(row.other) as unknown) : null;
  return { ...(row as unknown as LogEventRow), other: other as Record<string, unknown> | null };
}

/** The query every driver runs to read a user's gradebook grade for an activity (params: scorm id, user id). */
export const GRADEBOOK_SQL = `
SELECT g.rawgrade AS rawgrade, g.finalgrade AS finalgrade, g.rawgrademax AS rawgrademax, g.rawgrademin AS rawgrademin,
       i.grademax AS grademax, i.grademin AS grademin, i.gradetype AS gradetype
  FROM mdl_grade_items i
  JOIN mdl_grade_grades g ON g.itemid = i.id
 WHERE i.itemtype = 'mod' AND i.itemmodule = 'scorm' AND i.iteminstance = ? AND i.itemnumber = 0 AND g.userid = ?`;

/** The query every driver runs to read a user's completion state (params: course module id, user id). */
export const COMPLETION_SQL = `
SELECT completionstate FROM mdl_course_modules_completion WHERE coursemoduleid = ? AND userid = ?`;

/** A GRADEBOOK_SQL row (DECIMAL columns may come back as strings from MySQL) as numbers. */
export function gradebookGradeFromRow(row: Record<string, unknown> | undefined): GradebookGrade | null {
  if (!row) return null;
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    rawgrade: num(row.rawgrade),
    finalgrade: num(row.finalgrade),
    rawgrademax: Number(row.rawgrademax),
    rawgrademin: Number(row.rawgrademin),
    grademax: Number(row.grademax),
    grademin: Number(row.grademin),
    gradetype: Number(row.gradetype),
  };
}
