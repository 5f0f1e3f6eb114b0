// The access rules of the plugin's web services (P22, P23), each a small check that throws Moodle's exception:
// parameters are exactly the declared ones (external_api::validate_parameters), guests never launch or save,
// the course is reachable (require_login: an active enrolment, or moodle/course:view), the capability holds in the
// activity's context (require_capability), and a launch is used only by the user it was issued to.
import { LmsApiError } from "./api-error.ts";
import { hasCapability, isGuestUser } from "./capabilities.ts";
import { courseContext, type ContextRow } from "./contexts.ts";
import type { TwinDb } from "./db.ts";

/** Launching content: the plugin's own capability (student, teachers, manager by default). */
export const LAUNCH_CAPABILITY = "local/externalscormbridge:launch";
/** Storing tracks: mod_scorm's capability, checked by datamodel.php and the plugin's commit alike. */
export const SAVETRACK_CAPABILITY = "mod/scorm:savetrack";

const CAPABILITY_LABELS: Record<string, string> = {
  [LAUNCH_CAPABILITY]: "Launch external SCORM content",
  [SAVETRACK_CAPABILITY]: "Save tracks",
};

/** Refuses any parameter the web service does not declare (e.g. a userid or attempt slipped into the call). */
export function requireKnownParameters(args: Record<string, unknown>, declared: readonly string[]): void {
  const unexpected = Object.keys(args).filter((k) => !declared.includes(k));
  if (unexpected.length > 0)
    throw new LmsApiError(
      "invalidparameter",
      `Invalid parameter value detected (Unexpected keys (${unexpected.join(", ")}) detected in parameter array.)`,
    );
}

export function requireNotGuest(db: TwinDb, userid: number): void {
  if (isGuestUser(db, userid))
    throw new LmsApiError("noguest", "Guests cannot launch or save SCORM content; please log in");
}

function enrolmentStatus(db: TwinDb, userid: number, courseid: number): "active" | "suspended" | "none" {
  const rows = db.all<{ uestatus: number; estatus: number; timestart: number; timeend: number }>(
    `SELECT ue.status AS uestatus, e.status AS estatus, ue.timestart, ue.timeend
       FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid
      WHERE ue.userid = ? AND e.courseid = ?`,
    [userid, courseid],
  );
  if (rows.length === 0) return "none";
  const now = Math.floor(Date.now() / 1000);
  const active = rows.some(
    (r) => r.uestatus === 0 && r.estatus === 0 && r.timestart <= now && (r.timeend === 0 || r.timeend > now),
  );
  return active ? "active" : "suspended";
}

/**
 * require_login($course): an active enrolment, or a role that may view every course (managers). `guest`: whether
 * the user is the guest account, when the caller already knows.
 */
export function requireCourseAccess(db: TwinDb, userid: number, courseid: number, guest?: boolean): void {
  const status = enrolmentStatus(db, userid, courseid);
  if (status === "active") return;
  if (hasCapability(db, "moodle/course:view", courseContext(db, courseid), userid, guest)) return;
  throw new LmsApiError(
    "requireloginerror",
    status === "suspended"
      ? "Course or activity not accessible: your enrolment in this course is suspended"
      : "Course or activity not accessible: you are not enrolled in this course",
  );
}

export function requireCapability(
  db: TwinDb,
  capability: string,
  context: ContextRow,
  userid: number,
  guest?: boolean,
): void {
  if (!hasCapability(db, capability, context, userid, guest))
    throw new LmsApiError(
      "nopermissions",
      `Sorry, but you do not currently have permissions to do that (${CAPABILITY_LABELS[capability] ?? capability}).`,
    );
}

/** Every check a user passes before touching an activity with `capability`. */
export function requireActivityAccess(
  db: TwinDb,
  userid: number,
  activity: { courseid: number; context: ContextRow },
  capability: string,
): void {
  requireNotGuest(db, userid);
  // Past requireNotGuest the user is not the guest account: the checks below need not ask again.
  requireCourseAccess(db, userid, activity.courseid, false);
  requireCapability(db, capability, activity.context, userid, false);
}

/** A launch id is a capability of its own user: anyone else using it (a teacher included) is refused. */
export function requireOwnLaunch<T extends { userid: number }>(launch: T | undefined, userid: number): T {
  if (!launch || launch.userid !== userid)
    throw new LmsApiError("invalidlaunch", "Unknown launch for this user");
  return launch;
}
