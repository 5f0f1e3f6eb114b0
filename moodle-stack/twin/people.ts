// Users, courses and enrolments: the part of Moodle's user and course tables the twin needs.
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { TwinDb } from "./db.ts";

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

  enrol(userid: number, courseid: number): void {
    const enrol = this.db.get<{ id: number }>(
      "SELECT id FROM mdl_enrol WHERE courseid = ? AND enrol = 'manual'",
      [courseid],
    );
    if (!enrol) throw new Error(`Course ${courseid} has no manual enrolment`);
    this.db.insert("mdl_user_enrolments", { enrolid: enrol.id, userid, timestart: now() });
  }

  isEnrolled(userid: number, courseid: number): boolean {
    return !!this.db.get(
      `SELECT ue.id FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid
        WHERE ue.userid = ? AND e.courseid = ? AND ue.status = 0 AND e.status = 0`,
      [userid, courseid],
    );
  }
}
