// Who may use the package service: a signed-in Moodle session (else 401), its sesskey on every request that
// changes something and on the progress channel (else 403), and mod/scorm:addinstance (teachers, managers; else
// 403) in the site or in a course the user has a role in; launching checks it in the target course.
import type { IncomingMessage } from "node:http";
import { requireCapability, requireNotGuest } from "../access-rules.ts";
import { ADD_INSTANCE_CAPABILITY } from "../activity-form.ts";
import { hasCapability } from "../capabilities.ts";
import { courseContext, systemContext, type ContextRow } from "../contexts.ts";
import type { TwinDb } from "../db.ts";
import { isLmsApiError } from "../lms-api.ts";
import type { Session } from "../sessions.ts";
import { PackageServiceError } from "./service-error.ts";

export const SESSKEY_HEADER = "x-moodle-sesskey";

export function requireSession(session: Session | undefined): Session {
  if (!session)
    throw new PackageServiceError(
      401,
      "servicerequireslogin",
      "You are not logged in: sign in to Moodle first.",
    );
  return session;
}

/** The sesskey from the X-Moodle-Sesskey header or the ?sesskey= parameter must be the session's. */
export function requireSesskey(req: IncomingMessage, session: Session): void {
  const header = req.headers[SESSKEY_HEADER];
  const query = new URL(req.url ?? "/", "http://x").searchParams.get("sesskey");
  const given = typeof header === "string" ? header : query;
  if (given !== session.sesskey)
    throw new PackageServiceError(
      403,
      "invalidsesskey",
      "Your session has most likely timed out (missing or wrong sesskey). Please log in again.",
    );
}

function asServiceError(error: unknown): never {
  if (isLmsApiError(error)) throw new PackageServiceError(403, error.errorcode, error.message);
  throw error;
}

/** The user may manage the site's packages: add-instance in the system context or a course they have a role in. */
export function requirePackageManager(db: TwinDb, userid: number): void {
  try {
    requireNotGuest(db, userid);
  } catch (error) {
    asServiceError(error);
  }
  const contexts: ContextRow[] = [
    systemContext(db),
    ...db.all<ContextRow>(
      `SELECT c.id, c.contextlevel, c.instanceid, c.path, c.depth FROM mdl_context c
        WHERE c.id IN (SELECT contextid FROM mdl_role_assignments WHERE userid = ?)`,
      [userid],
    ),
  ];
  if (!contexts.some((context) => hasCapability(db, ADD_INSTANCE_CAPABILITY, context, userid)))
    throw new PackageServiceError(
      403,
      "nopermissions",
      "Sorry, but you do not currently have permissions to do that (Add a new SCORM package).",
    );
}

/** The user may add an activity to the course. */
export function requireCourseEditor(db: TwinDb, userid: number, courseid: number): void {
  if (!db.get("SELECT id FROM mdl_course WHERE id = ?", [courseid]))
    throw new PackageServiceError(404, "course-not-found", `There is no course ${courseid}.`);
  try {
    requireCapability(db, ADD_INSTANCE_CAPABILITY, courseContext(db, courseid), userid);
  } catch (error) {
    asServiceError(error);
  }
}
