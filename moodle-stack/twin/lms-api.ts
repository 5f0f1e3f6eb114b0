// The LMS API the bridge's LMS side calls: `launch` (seed snapshot, launch id, nonce, CDN origin) and `commit`
// (ordered ops, duplicates dropped, cumulative acknowledgement). Same JSON contract as the Moodle plugin.
import { randomBytes } from "node:crypto";
import type { BridgeConfig } from "../../bridge/protocol/bridge-config.ts";
import { isWhitelisted } from "../../bridge/protocol/cdn-whitelist.ts";
import { parseOp, type Op } from "../../bridge/protocol/messages.ts";
import type { Activities } from "./activities.ts";
import type { TwinDb } from "./db.ts";
import { fromStoredElement, toStoredElement } from "./element-names.ts";
import { finishValues } from "./finish-semantics.ts";
import { forceCompletedWrites } from "./force-completed.ts";
import { buildLaunchSeed } from "./launch-seed.ts";
import { applyOps } from "./op-applier.ts";
import type { People } from "./people.ts";
import type { Tracks } from "./tracks.ts";

export class LmsApiError extends Error {
  constructor(
    readonly errorcode: string,
    message: string,
  ) {
    super(message);
  }
}

/** True for an LmsApiError from any build of this module (a bridge's bundled plugin has its own class). */
export function isLmsApiError(error: unknown): error is LmsApiError {
  return error instanceof Error && typeof (error as { errorcode?: unknown }).errorcode === "string";
}

export type LmsApiConstructor = new (deps: LmsApiDeps) => LmsApi;

export interface LmsApiDeps {
  db: TwinDb;
  people: People;
  activities: Activities;
  tracks: Tracks;
  /** Path of the bridge frame page on every CDN origin. */
  framePath: string;
  /** The plugin's bridge settings (retry schedule, timeouts), handed to the player at launch. */
  bridgeConfig: () => BridgeConfig;
}

const now = (): number => Math.floor(Date.now() / 1000);
const int = (x: unknown, name: string): number => {
  if (!Number.isSafeInteger(x) || (x as number) <= 0)
    throw new LmsApiError("invalidparameter", `Invalid ${name}`);
  return x as number;
};

interface LaunchRow {
  [key: string]: number | string;
  id: number;
  userid: number;
  scormid: number;
  scoid: number;
  attemptid: number;
  ackedseq: number;
  courseid: number;
  terminated: number;
  seedtotaltime: string;
  sessiontime: string;
  masteryoverride: number;
  forcecompleted: number;
}

export class LmsApi {
  /** Ops the LMS received again (retries, replays) or that a later op had already overwritten. */
  readonly stats = { duplicates: 0, superseded: 0 };

  constructor(private readonly deps: LmsApiDeps) {}

  launch(userid: number, args: Record<string, unknown>) {
    const { activities, people, tracks, db } = this.deps;
    const cmid = int(args.cmid, "cmid");
    const scoid = int(args.scoid, "scoid");
    const activity = activities.byCmid(cmid);
    if (!activity)
      throw new LmsApiError("invalidrecord", "No external SCORM activity with that course module id");
    if (!people.isEnrolled(userid, activity.course)) {
      throw new LmsApiError("requireloginerror", "You are not enrolled in this course");
    }
    const sco = activities.sco(activity.scormid, scoid);
    if (!sco || !sco.launch)
      throw new LmsApiError("invalidrecord", "That SCO does not belong to this activity");
    const user = people.user(userid);
    if (!user) throw new LmsApiError("invaliduser", "Unknown user");

    const cdnBase = new URL(activity.cdnurl);
    if (!isWhitelisted(activity.cdnurl, this.deps.bridgeConfig().cdnWhitelist)) {
      throw new LmsApiError(
        "cdnnotallowed",
        `The content server ${cdnBase.origin} is not on this site's CDN whitelist`,
      );
    }
    const attempt = tracks.lastAttempt(userid, activity.scormid);
    const attemptid = tracks.attemptId(userid, activity.scormid, attempt);
    const launchid = randomBytes(18).toString("base64url");
    const nonce = randomBytes(24).toString("base64url");
    const seed = buildLaunchSeed({
      version: activity.version,
      username: user.username,
      fullname: `${user.firstname} ${user.lastname}`.trim(),
      stored: tracks.values(attemptid, scoid),
      scoData: activities.scoData(scoid),
    });
    const totalElement = activity.version === "1.2" ? "cmi.core.total_time" : "cmi.total_time";
    const seedtotaltime = seed.find((row) => row.element === totalElement)?.value ?? "";
    db.insert("mdl_local_externalscormbridge_launch", {
      launchid,
      userid,
      scormid: activity.scormid,
      scoid,
      attemptid,
      nonce,
      seedtotaltime,
      timecreated: now(),
    });
    return {
      launchid,
      nonce,
      attempt,
      version: activity.version,
      cdnorigin: cdnBase.origin,
      frameurl: new URL(this.deps.framePath, cdnBase.origin).href,
      scourl: new URL(sco.launch, cdnBase).href,
      seed,
      config: this.deps.bridgeConfig(),
      toc: activities
        .scoes(activity.scormid)
        .filter((s) => s.launch)
        .map((s) => ({ scoid: s.id, identifier: s.identifier, title: s.title })),
    };
  }

  /** What mod_scorm's player adds: 1.2 "not attempted" on a first commit, and the finish values at Terminate. */
  /** The launch's SCO values in this attempt, SCORM element names. */
  private storedValues(launch: LaunchRow, version: "1.2" | "2004"): Map<string, string> {
    const rows = this.deps.tracks.values(launch.attemptid, launch.scoid);
    return new Map(rows.map((r) => [fromStoredElement(r.element, version), r.value]));
  }

  /** scorm_insert_track for the launch's SCO and attempt, from a SCORM element name. */
  private store(launch: LaunchRow, version: "1.2" | "2004", element: string, value: string): void {
    this.deps.tracks.insertTrack(launch.attemptid, launch.scoid, toStoredElement(element, version), value);
  }

  private applyPlayerSemantics(
    launch: LaunchRow,
    version: "1.2" | "2004",
    sessionTime: string,
    finishing: boolean,
  ): void {
    const { activities } = this.deps;
    const stored = this.storedValues(launch, version);
    const store = (element: string, value: string): void => this.store(launch, version, element, value);
    if (finishing) {
      const values = finishValues({
        version,
        stored,
        seedTotalTime: launch.seedtotaltime,
        sessionTime,
        masteryOverride: launch.masteryoverride === 1,
        scoData: activities.scoData(launch.scoid),
      });
      for (const [element, value] of values) store(element, value);
    } else if (version === "1.2" && !stored.has("cmi.core.lesson_status")) {
      store("cmi.core.lesson_status", "not attempted");
    }
  }

  commit(userid: number, args: Record<string, unknown>) {
    const { db } = this.deps;
    if (typeof args.launchid !== "string") throw new LmsApiError("invalidparameter", "Invalid launchid");
    if (!Array.isArray(args.ops)) throw new LmsApiError("invalidparameter", "Invalid ops");
    const launch = db.get<LaunchRow>(
      `SELECT l.*, s.course AS courseid, s.masteryoverride, s.forcecompleted FROM mdl_local_externalscormbridge_launch l
         JOIN mdl_scorm s ON s.id = l.scormid WHERE l.launchid = ?`,
      [args.launchid],
    );
    if (!launch || launch.userid !== userid)
      throw new LmsApiError("invalidlaunch", "Unknown launch for this user");
    const scorm = db.get<{ version: string }>("SELECT version FROM mdl_scorm WHERE id = ?", [launch.scormid]);
    const version = scorm?.version === "SCORM_1.2" ? "1.2" : "2004";
    const ops: Op[] = [];
    for (const raw of args.ops) {
      const op = parseOp(raw);
      if (!op) throw new LmsApiError("invalidparameter", "Malformed op");
      ops.push(op);
    }
    if (!this.deps.people.isEnrolled(userid, launch.courseid)) {
      throw new LmsApiError("nopermission", "You can no longer save progress in this course");
    }
    const sessionElement = version === "1.2" ? "cmi.core.session_time" : "cmi.session_time";
    const result = db.transaction(() => {
      let sessiontime = launch.sessiontime;
      const applied = applyOps(db, launch, ops, (op) => {
        if (op.element === sessionElement) sessiontime = op.value;
        // mod_scorm's 1.2 player never stores session_time; it only adds it to total_time at finish.
        if (!op.element.startsWith("cmi.") || (version === "1.2" && op.element === sessionElement)) return;
        const writes =
          version === "1.2" && launch.forcecompleted === 1
            ? forceCompletedWrites(op.element, op.value, this.storedValues(launch, version))
            : [[op.element, op.value] as [string, string]];
        for (const [element, value] of writes) this.store(launch, version, element, value);
      });
      const finishing = args.terminate === true && launch.terminated === 0;
      this.applyPlayerSemantics(launch, version, sessiontime, finishing);
      db.run(
        "UPDATE mdl_local_externalscormbridge_launch SET ackedseq = ?, terminated = MAX(terminated, ?), sessiontime = ? WHERE id = ?",
        [applied.ackedseq, finishing ? 1 : 0, sessiontime, launch.id],
      );
      return applied;
    });
    this.stats.duplicates += result.duplicates;
    this.stats.superseded += result.superseded;
    return {
      ackedseq: result.ackedseq,
      rejected: [] as Array<{ seq: number; element: string; reason: string }>,
    };
  }
}
