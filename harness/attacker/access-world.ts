// The people and activities the access properties (P23, P24) attack with: a learner (the attacker) and a victim
// with launches of the same activity, a sibling activity in the course, an activity of a course the attacker is
// not in, an editing teacher, the guest account, a user who is not enrolled and one whose enrolment is
// suspended after launching. Every launch is made through the API from the user's own LMS page.
import type { Browser } from "@playwright/test";
import type { CdnActivity, LmsDriver, LmsUser } from "../lms-driver/lms-driver.ts";
import { createProbeActivities } from "../probe/probe-activities.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import type { Attack, AttackInput } from "./attacks.ts";
import {
  COMMIT_METHOD,
  LAUNCH_METHOD,
  callLmsApi,
  openLmsPage,
  type ApiAnswer,
  type LmsPage,
} from "./lms-api-from-page.ts";

export interface Person {
  user: LmsUser;
  lms: LmsPage;
  /** The person's own launch of the attacked activity, when they have one. */
  launchid: string;
}

export interface AccessWorld {
  activity: CdnActivity;
  sibling: CdnActivity;
  foreign: CdnActivity;
  otherCourse: number;
  attacker: Person;
  victim: Person;
  teacher: Person;
  guest: Person;
  outsider: Person;
  suspended: Person;
  everyone: Person[];
  /** A sequence number above any the launches have seen, so a wrongly accepted op could never be a duplicate. */
  nextSeq(): number;
  close(): Promise<void>;
}

/** One forged call: who sends it, what, and which activity's course module it names (if any). */
export interface ForgedCall {
  actor: Person;
  methodname: string;
  args: Record<string, unknown>;
  namedCmid: number | null;
}

async function launch(person: Person, activity: CdnActivity): Promise<string> {
  const answer = await callLmsApi(person.lms.page, LAUNCH_METHOD, {
    cmid: activity.cmid,
    scoid: activity.scoes[0]!.id,
  });
  const launchid = (answer.data as { launchid?: unknown } | undefined)?.launchid;
  if (answer.error || typeof launchid !== "string")
    throw new Error(`Setup launch for ${person.user.username} refused: ${JSON.stringify(answer.exception)}`);
  return launchid;
}

export async function createAccessWorld(
  browser: Browser,
  stack: EmbeddedStack,
  lms: LmsDriver,
  prefix: string,
): Promise<AccessWorld> {
  const course = await lms.createCourse(`${prefix} course`);
  const otherCourse = await lms.createCourse(`${prefix} other course`);
  const activity = (await createProbeActivities(stack, lms, course, `${prefix}-a`))["1.2"];
  const sibling = (await createProbeActivities(stack, lms, course, `${prefix}-b`))["1.2"];
  const foreign = (await createProbeActivities(stack, lms, otherCourse, `${prefix}-c`))["1.2"];
  const opened: Person[] = [];
  const person = async (user: LmsUser): Promise<Person> => {
    const p = { user, lms: await openLmsPage(browser, lms, user), launchid: "" };
    opened.push(p);
    return p;
  };
  try {
    const enrolled = async (role: "student" | "editingteacher") => {
      const user = await lms.createUser();
      await lms.enrol(user, course, role);
      return person(user);
    };
    const attacker = await enrolled("student");
    const victim = await enrolled("student");
    const teacher = await enrolled("editingteacher");
    const suspended = await enrolled("student");
    const outsider = await person(await lms.createUser());
    const guest = await person(await lms.guestUser(course));
    for (const p of [attacker, victim, suspended]) p.launchid = await launch(p, activity);
    await lms.suspendEnrolment(suspended.user, course, true);
    let seq = 1_000_000;
    return {
      activity,
      sibling,
      foreign,
      otherCourse,
      attacker,
      victim,
      teacher,
      guest,
      outsider,
      suspended,
      everyone: opened,
      nextSeq: () => ++seq,
      close: async () => {
        await Promise.all(opened.map((p) => p.lms.close()));
      },
    };
  } catch (error) {
    await Promise.all(opened.map((p) => p.lms.close()));
    throw error;
  }
}

function extraValue(world: AccessWorld, attack: Extract<Attack, { kind: "extra-parameter" }>): unknown {
  switch (attack.key) {
    case "userid":
      return world.victim.user.id;
    case "attempt":
      return attack.attempt;
    case "scoid":
      return world.sibling.scoes[0]!.id;
    case "cmid":
      return world.sibling.cmid;
    case "courseid":
      return world.otherCourse;
    case "launchid":
      return world.victim.launchid;
  }
}

/** The call an attack makes; every one of them must be refused. */
export function forgedCall(world: AccessWorld, input: AttackInput): ForgedCall {
  const { attack } = input;
  const { activity } = world;
  const ops = input.writes.map(([element, value]) => ({ seq: world.nextSeq(), element, value }));
  const launchOf = (): Record<string, unknown> => ({
    cmid: activity.cmid,
    scoid: activity.scoes[0]!.id,
  });
  const commitTo = (launchid: string): Record<string, unknown> => ({ launchid, ops, terminate: false });
  const call = (
    actor: Person,
    methodname: string,
    args: Record<string, unknown>,
    namedCmid: number | null,
  ) => ({
    actor,
    methodname,
    args,
    namedCmid,
  });
  switch (attack.kind) {
    case "foreign-sco": {
      const owner = attack.owner === "same-course" ? world.sibling : world.foreign;
      return call(
        world.attacker,
        LAUNCH_METHOD,
        { cmid: activity.cmid, scoid: owner.scoes[0]!.id },
        activity.cmid,
      );
    }
    case "foreign-cmid":
      return call(
        world.attacker,
        LAUNCH_METHOD,
        { cmid: world.foreign.cmid, scoid: world.foreign.scoes[0]!.id },
        world.foreign.cmid,
      );
    case "extra-parameter": {
      const extra = { [attack.key]: extraValue(world, attack) };
      return attack.method === "launch"
        ? call(world.attacker, LAUNCH_METHOD, { ...launchOf(), ...extra }, activity.cmid)
        : call(
            world.attacker,
            COMMIT_METHOD,
            { ...commitTo(world.attacker.launchid), ...extra },
            activity.cmid,
          );
    }
    case "victim-launchid":
      return call(world.attacker, COMMIT_METHOD, commitTo(world.victim.launchid), activity.cmid);
    case "forged-launchid":
      return call(world.attacker, COMMIT_METHOD, commitTo(attack.launchid), null);
    case "teacher-writes-learner":
      return call(world.teacher, COMMIT_METHOD, commitTo(world.victim.launchid), activity.cmid);
    case "guest-launch":
      return call(world.guest, LAUNCH_METHOD, launchOf(), activity.cmid);
    case "not-enrolled-launch":
      return call(world.outsider, LAUNCH_METHOD, launchOf(), activity.cmid);
    case "suspended-launch":
      return call(world.suspended, LAUNCH_METHOD, launchOf(), activity.cmid);
    case "suspended-commit":
      return call(world.suspended, COMMIT_METHOD, commitTo(world.suspended.launchid), activity.cmid);
  }
}

export async function sendForgedCall(call: ForgedCall): Promise<ApiAnswer> {
  return callLmsApi(call.actor.lms.page, call.methodname, call.args);
}

/** Everything stored for anyone in the world's activities, and every launch: equal before and after a refusal. */
export async function storedState(world: AccessWorld, lms: LmsDriver): Promise<string> {
  const parts: unknown[] = [];
  for (const activity of [world.activity, world.sibling, world.foreign]) {
    for (const p of world.everyone) {
      parts.push([
        activity.cmid,
        p.user.id,
        await lms.tracks(activity, p.user),
        await lms.launches(activity, p.user),
      ]);
    }
  }
  return JSON.stringify(parts);
}
