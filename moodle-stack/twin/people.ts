// Users, courses and enrolments: the part of Moodle's user and course tables the twin needs.
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { GUEST_USERNAME } from "./capabilities.ts";
import { courseContext, moduleContext } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import { CAP_ALLOW, CAP_PREVENT, CAP_PROHIBIT, roleId, type RoleShortname } from "./role-archetypes.ts";

/** A role override's permission, by the name Moodle's permission screens give it. */
export type Permission = "inherit" | "allow" | "prevent" | "prohibit";
const PERMISSION_VALUES: Record<Permission, number> = {
  inherit: 0,
  allow: CAP_ALLOW,
  prevent: CAP_PREVENT,
  prohibit: CAP_PROHIBIT,
};

const now = (): number => Math.floor(Date.now() / 1000);

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString("base64")}$${scryptSync(password, salt, 32).toString("base64")}`;
}

function checkPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = scryptSync(password, Buffer.from(salt, "base64"), expected.length);
  return timingSafeEqual(actual, expected);
}

export interface NewUser {
  username: string;
  password: string;
  firstname: string;
  lastname: string;
}

export class People {
  constructor(private readonly db: TwinDb) {}

  createUser(user: NewUser): number {
    return this.db.insert("mdl_user", {
      username: user.username,
      password: hashPassword(user.password),
      firstname: user.firstname,
      lastname: user.lastname,
      email: `${user.username}@example.invalid`,
      timecreated: now(),
      timemodified: now(),
    });
  }

  /** The user id for valid credentials of an active account, else undefined. */
  authenticate(username: string, password: string): number | undefined {
    const row = this.db.get<{ id: number; password: string }>(
      "SELECT id, password FROM mdl_user WHERE username = ? AND deleted = 0 AND suspended = 0",
      [username],
    );
    return row && checkPassword(password, row.password) ? row.id : undefined;
  }

  user(id: number): { id: number; username: string; firstname: string; lastname: string } | undefined {
    return this.db.get("SELECT id, username, firstname, lastname FROM mdl_user WHERE id = ?", [id]);
  }

  createCourse(fullname: string, shortname: string): number {
    const course = this.db.insert("mdl_course", {
      fullname,
      shortname,
      timecreated: now(),
      timemodified: now(),
    });
    this.db.insert("mdl_enrol", { enrol: "manual", courseid: course });
    return course;
  }

  /** Manual enrolment with a role in the course context (enrol_manual with its default, student). */
  enrol(userid: number, courseid: number, role: RoleShortname = "student"): void {
    const enrol = this.db.get<{ id: number }>(
      "SELECT id FROM mdl_enrol WHERE courseid = ? AND enrol = 'manual'",
      [courseid],
    );
    if (!enrol) throw new Error(`Course ${courseid} has no manual enrolment`);
    this.db.insert("mdl_user_enrolments", { enrolid: enrol.id, userid, timestart: now() });
    this.assignRole(userid, role, courseContext(this.db, courseid).id);
  }

  /** role_assign(): the role in a context (course context for enrolments, system context for site managers). */
  assignRole(userid: number, role: RoleShortname, contextid: number): void {
    this.db.insert("mdl_role_assignments", {
      roleid: roleId(role),
      contextid,
      userid,
      timemodified: now(),
    });
  }

  /** Sets the user's enrolment status in the course: ENROL_USER_SUSPENDED (1) or ENROL_USER_ACTIVE (0). */
  setEnrolmentSuspended(userid: number, courseid: number, suspended: boolean): void {
    this.db.run(
      `UPDATE mdl_user_enrolments SET status = ? WHERE userid = ?
          AND enrolid IN (SELECT id FROM mdl_enrol WHERE courseid = ?)`,
      [suspended ? 1 : 0, userid, courseid],
    );
  }

  /** The site's guest account (created on first use) with guest access enabled on the course (enrol_guest). */
  guestAccess(courseid: number, password: string): number {
    const existing = this.db.get<{ id: number }>("SELECT id FROM mdl_user WHERE username = ?", [
      GUEST_USERNAME,
    ]);
    const guest =
      existing?.id ??
      this.createUser({ username: GUEST_USERNAME, password, firstname: "Guest user", lastname: "" });
    if (existing)
      this.db.run("UPDATE mdl_user SET password = ? WHERE id = ?", [hashPassword(password), guest]);
    if (!this.db.get("SELECT id FROM mdl_enrol WHERE courseid = ? AND enrol = 'guest'", [courseid]))
      this.db.insert("mdl_enrol", { enrol: "guest", status: 0, courseid });
    return guest;
  }

  /** A role override of one capability in a course module's context (define_role_capability / override). */
  overrideCapability(cmid: number, role: RoleShortname, capability: string, permission: Permission): void {
    const contextid = moduleContext(this.db, cmid).id;
    this.db.upsert(
      "mdl_role_capabilities",
      {
        contextid,
        roleid: roleId(role),
        capability,
        permission: PERMISSION_VALUES[permission],
        timemodified: now(),
      },
      ["roleid", "contextid", "capability"],
    );
  }

  isEnrolled(userid: number, courseid: number): boolean {
    return !!this.db.get(
      `SELECT ue.id FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid
        WHERE ue.userid = ? AND e.courseid = ? AND ue.status = 0 AND e.status = 0`,
      [userid, courseid],
    );
  }
}
