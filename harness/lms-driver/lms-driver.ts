// The LMS driver: everything a property may ask of an LMS, independent of whether a Moodle twin or a real
// Moodle answers. Reads go through SQL over Moodle's own tables.
import type { Page } from "@playwright/test";

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
  scoes: Array<{ id: number; identifier: string; launch: string }>;
}

export interface StoredTrack {
  scoid: number;
  attempt: number;
  element: string;
  value: string;
  timemodified: number;
}

export interface LmsDriver {
  readonly kind: string;
  readonly origin: string;
  createCourse(fullname: string): Promise<number>;
  createUser(username?: string): Promise<LmsUser>;
  enrol(user: LmsUser, courseId: number): Promise<void>;
  /** Creates a SCORM activity of the "CDN URL" type from an imsmanifest.xml URL. */
  createCdnActivity(courseId: number, name: string, manifestUrl: string): Promise<CdnActivity>;
  /** Signs the user in: the page's browser context then carries the LMS session cookie. */
  login(page: Page, user: LmsUser): Promise<void>;
  playerUrl(activity: CdnActivity, scoid: number): string;
  /** Every stored track of a user in an activity (mod_scorm's element spelling), in insertion order. */
  tracks(activity: CdnActivity, user: LmsUser): Promise<StoredTrack[]>;
  /**
   * Saves the bridge plugin's settings (retry schedule and jitter, API/handshake/heartbeat timing, …) as the
   * admin form would; names left out take their defaults. Rejects with the form's reason for a bad value.
   */
  setBridgeSettings(settings: Record<string, unknown>): Promise<void>;
  /** Ends every login session of the user (as a session timeout or "log out everywhere" does). */
  expireSessions(user: LmsUser): Promise<void>;
  /** Removes the user's enrolment in the course (their next save is refused for good). */
  unenrol(user: LmsUser, courseId: number): Promise<void>;
}

/** The query every driver runs to read tracks from the 4.3+ schema. */
export const TRACKS_SQL = `
SELECT v.scoid AS scoid, a.attempt AS attempt, e.element AS element, v.value AS value, v.timemodified AS timemodified
  FROM mdl_scorm_scoes_value v
  JOIN mdl_scorm_attempt a ON a.id = v.attemptid
  JOIN mdl_scorm_element e ON e.id = v.elementid
 WHERE a.scormid = ? AND a.userid = ?
 ORDER BY v.id`;
