// The LMS API the bridge's LMS side calls: `launch` (seed snapshot, launch id, nonce, CDN origin) and `commit`
// (ordered ops, duplicates dropped, cumulative acknowledgement). Same JSON contract as the Moodle plugin.
import { randomBytes } from "node:crypto";
import type { BridgeConfig } from "../../bridge/protocol/bridge-config.ts";
import { isWhitelisted } from "../../bridge/protocol/cdn-whitelist.ts";
import { parseOp, type Op } from "../../bridge/protocol/messages.ts";
import { fromWire, toWire } from "../../bridge/protocol/wire-text.ts";
import {
  LAUNCH_CAPABILITY,
  SAVETRACK_CAPABILITY,
  requireActivityAccess,
  requireKnownParameters,
  requireOwnLaunch,
} from "./access-rules.ts";
import type { Activities } from "./activities.ts";
import { LmsApiError } from "./api-error.ts";
import { moduleContext, systemContext, type ContextRow } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import { fromStoredElement, toStoredElement } from "./element-names.ts";
import { finishValues } from "./finish-semantics.ts";
import { forceCompletedWrites } from "./force-completed.ts";
import { afterTrackStored } from "./grade-updates.ts";
import { publishCommit, type CommitListener } from "./dashboard-feed.ts";
import { requireLiveAttempt } from "./launch-revocation.ts";
import { sealValue, tryOpenValue, type AtRest } from "./sealed-values.ts";
import { TeacherApi } from "./teacher-api.ts";
import type { HttpGet } from "../../harness/net/https-get.ts";
import { checkCdnUrl, type CdnUrlCheck } from "./cdn-url-check.ts";
import { buildLaunchSeed } from "./launch-seed.ts";
import { applyOps, type RejectedOp } from "./op-applier.ts";
import type { Actor } from "./log-store.ts";
import type { People } from "./people.ts";
import { logRefusal } from "./refusal-log.ts";
import { logStoredValueUnreadable } from "./unreadable-value-log.ts";
import { scoLaunched, trackSubmitted, type ScormActivityRef } from "./scorm-events.ts";
import type { AttemptRef, TrackStorage } from "./track-storage.ts";
import { valueRefusal } from "./value-rules.ts";

export { LmsApiError };

/** Moodle's ajax envelope for one call: the data, or the exception. */
export type CallResult =
  { error: false; data: unknown } | { error: true; exception: { errorcode: string; message: string } };

/** The web services the plugin declares, with their parameters (external_function_parameters). */
export const LAUNCH_METHOD = "local_externalscormbridge_launch";
export const COMMIT_METHOD = "local_externalscormbridge_commit";
const LAUNCH_PARAMETERS = ["cmid", "scoid"] as const;
const COMMIT_PARAMETERS = ["launchid", "ops", "terminate"] as const;
/** The refusal event's errorcode for a commit's ops refused for their values. */
export const REJECTED_VALUE_ERRORCODE = "invalidvalue";

/** True for an LmsApiError from any build of this module (a bridge's bundled plugin has its own class). */
export function isLmsApiError(error: unknown): error is LmsApiError {
  return error instanceof Error && typeof (error as { errorcode?: unknown }).errorcode === "string";
}

export type LmsApiConstructor = new (deps: LmsApiDeps) => LmsApi;

export interface LmsApiDeps {
  db: TwinDb;
  people: People;
  activities: Activities;
  tracks: TrackStorage;
  /** Path of the bridge frame page on every CDN origin. */
  framePath: string;
  /** The plugin's bridge settings (retry schedule, timeouts), handed to the player at launch. */
  bridgeConfig: () => BridgeConfig;
  /** Encryption at rest: the plugin's settings and the site key (P21). */
  atRest: () => AtRest;
  /** Told after every stored commit (the teacher's live dashboard, P26). */
  onCommit?: CommitListener;
  /** The LMS's server-side HTTPS GET (Moodle's curl), for checking CDN URLs. */
  httpGet?: HttpGet;
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
  cmid: number;
  scoid: number;
  attemptid: number;
  ackedseq: number;
  courseid: number;
  /** The SCO terminated this launch (the plugin's column; `terminated` is reserved in MariaDB). */
  finished: number;
  seedtotaltime: string;
  sessiontime: string;
  masteryoverride: number;
  forcecompleted: number;
  /** mdl_scorm.version: SCORM_1.2 or SCORM_1.3. */
  scormversion: string;
}

/** A commit's op with its value decoded as it travelled (wire-text.ts); a bad encoding leaves no value. */
function opFromWire(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const { enc, value, ...rest } = raw as Record<string, unknown>;
  if (enc === undefined) return raw;
  const decoded = typeof value === "string" ? fromWire(value, enc) : null;
  return decoded === null ? rest : { ...rest, value: decoded };
}

export class LmsApi {
  /** Ops the LMS received again (retries, replays) or that a later op had already overwritten. */
  readonly stats = { duplicates: 0, superseded: 0 };

  /** Reports, export, dashboard and resets (moodle-scorm-contract §6). */
  readonly teacher: TeacherApi;

  constructor(private readonly deps: LmsApiDeps) {
    this.teacher = new TeacherApi(deps);
  }

  /**
   * A launch's stored values, decrypted. A value that cannot be decrypted (lost or replaced site key) is logged
   * and the attempt's values are left out, so that the learner restarts cleanly (P06, P21).
   */
  private openedValues(
    attempt: AttemptRef,
    scoid: number,
    log: { actor: Actor; cmid: number; courseid: number } | null,
  ): Array<{ element: string; value: string }> {
    const opened: Array<{ element: string; value: string }> = [];
    for (const row of this.deps.tracks.scoValues(attempt, scoid)) {
      const value = tryOpenValue(this.deps.atRest(), row.value);
      if (!value.ok) {
        if (log)
          logStoredValueUnreadable(this.deps.db, log.actor, {
            cmid: log.cmid,
            courseid: log.courseid,
            attemptid: attempt.attemptid,
            element: row.element,
            errorcode: value.error.errorcode,
          });
        return [];
      }
      opened.push({ element: row.element, value: value.value });
    }
    return opened;
  }

  /** Checks a CDN URL for the activity form and activity creation, under the whitelist and URL-check timeout. */
  checkCdnUrl(url: string): Promise<CdnUrlCheck> {
    const { httpGet } = this.deps;
    if (!httpGet) throw new Error("This LMS has no server-side HTTPS client to check CDN URLs with");
    const config = this.deps.bridgeConfig();
    return checkCdnUrl(url, {
      whitelist: config.cdnWhitelist,
      timeoutMs: config.urlCheckTimeoutMs,
      framePath: this.deps.framePath,
      httpGet,
    });
  }

  /**
   * One web-service call as Moodle's ajax service runs it: the method's answer, or its exception. Every refused
   * call leaves exactly one request_refused event in the log (P24); answered calls leave none.
   */
  call(methodname: unknown, userid: number, args: Record<string, unknown>, ip: string): CallResult {
    const actor: Actor = { userid, ip };
    try {
      if (methodname === LAUNCH_METHOD) return { error: false, data: this.launch(userid, args, ip) };
      if (methodname === COMMIT_METHOD) return { error: false, data: this.commit(userid, args, ip) };
      throw new LmsApiError("servicenotavailable", "Web service is not available");
    } catch (error) {
      const e =
        error instanceof LmsApiError ? error : new LmsApiError("generalexceptionmessage", String(error));
      const target = this.refusalTarget(methodname, args);
      logRefusal(this.deps.db, actor, {
        operation: typeof methodname === "string" ? methodname.slice(0, 100) : "",
        errorcode: e.errorcode,
        message: e.message,
        ...target,
      });
      return { error: true, exception: { errorcode: e.errorcode, message: e.message } };
    }
  }

  /**
   * The context a refused call named through the parameter its method declares (launch: cmid; commit: launchid):
   * that activity's when it exists, else the system. A parameter the method does not declare (an attacker's extra
   * cmid on a commit) names nothing.
   */
  private refusalTarget(
    methodname: unknown,
    args: Record<string, unknown>,
  ): { context: ContextRow; courseid: number } {
    const { db, activities } = this.deps;
    const byCmid =
      methodname === LAUNCH_METHOD && Number.isSafeInteger(args.cmid)
        ? activities.byCmid(args.cmid as number)
        : undefined;
    const byLaunch =
      methodname === COMMIT_METHOD && typeof args.launchid === "string"
        ? db.get<{ cmid: number; course: number }>(
            `SELECT cm.id AS cmid, cm.course FROM mdl_local_extscormbridge_launch l
               JOIN mdl_course_modules cm ON cm.instance = l.scormid
               JOIN mdl_modules m ON m.id = cm.module AND m.name = 'scorm'
              WHERE l.launchid = ?`,
            [args.launchid],
          )
        : undefined;
    if (byCmid) return { context: moduleContext(db, byCmid.cmid), courseid: byCmid.course };
    if (byLaunch) return { context: moduleContext(db, byLaunch.cmid), courseid: byLaunch.course };
    return { context: systemContext(db), courseid: 0 };
  }

  launch(userid: number, args: Record<string, unknown>, ip = "") {
    const { activities, people, tracks, db } = this.deps;
    requireKnownParameters(args, LAUNCH_PARAMETERS);
    const cmid = int(args.cmid, "cmid");
    const scoid = int(args.scoid, "scoid");
    const activity = activities.byCmid(cmid);
    if (!activity)
      throw new LmsApiError("invalidrecord", "No external SCORM activity with that course module id");
    const activityRef: ScormActivityRef = { cmid, courseid: activity.course, scormid: activity.scormid };
    requireActivityAccess(
      db,
      userid,
      { courseid: activity.course, context: moduleContext(db, cmid) },
      LAUNCH_CAPABILITY,
    );
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
    const opened = tracks.attempt(userid, activity.scormid, attempt);
    const launchid = randomBytes(18).toString("base64url");
    const nonce = randomBytes(24).toString("base64url");
    const seed = buildLaunchSeed({
      version: activity.version,
      username: user.username,
      fullname: `${user.firstname} ${user.lastname}`.trim(),
      stored: this.openedValues(opened, scoid, { actor: { userid, ip }, cmid, courseid: activity.course }),
      scoData: activities.scoData(scoid),
      objectives: activities.scoObjectives(scoid),
    });
    const totalElement = activity.version === "1.2" ? "cmi.core.total_time" : "cmi.total_time";
    const seedtotaltime = seed.find((row) => row.element === totalElement)?.value ?? "";
    db.insert("mdl_local_extscormbridge_launch", {
      launchid,
      userid,
      scormid: activity.scormid,
      scoid,
      attemptid: opened.attemptid,
      attempt,
      nonce,
      seedtotaltime,
      timecreated: now(),
    });
    const scourl = new URL(sco.launch, cdnBase).href;
    scoLaunched(db, { userid, ip }, activityRef, scoid, scourl);
    return {
      launchid,
      nonce,
      attempt,
      version: activity.version,
      cdnorigin: cdnBase.origin,
      frameurl: new URL(this.deps.framePath, cdnBase.origin).href,
      scourl,
      seed: seed.map((row) => ({ element: row.element, ...toWire(row.value) })),
      config: this.deps.bridgeConfig(),
      toc: activities
        .scoes(activity.scormid)
        .filter((s) => s.launch)
        .map((s) => ({ scoid: s.id, identifier: s.identifier, title: s.title })),
    };
  }

  /** The launch's SCO values in this attempt, SCORM element names. */
  private storedValues(launch: LaunchRow, version: "1.2" | "2004"): Map<string, string> {
    const rows = this.openedValues(launch, launch.scoid, null);
    return new Map(rows.map((r) => [fromStoredElement(r.element, version), r.value]));
  }

  /**
   * scorm_insert_track for the launch's SCO and attempt, from a SCORM element name, with the event it fires; no
   * actor for a value mod_scorm rewrites on its own (forcecompleted), which fires none.
   */
  private store(
    launch: LaunchRow,
    version: "1.2" | "2004",
    element: string,
    value: string,
    actor: Actor | null,
  ): void {
    const stored = toStoredElement(element, version);
    const sealed = sealValue(this.deps.atRest(), stored, value);
    // An encrypted value differs on every write: compare plaintexts, as scorm_insert_track compares values.
    if (sealed === value || this.storedValues(launch, version).get(element) !== value)
      this.deps.tracks.insertTrack(launch, launch.scoid, stored, sealed);
    if (!actor) return;
    // scorm_insert_track regrades (and so re-checks completion) before it logs; a value mod_scorm rewrites on its
    // own (forcecompleted) is a plain update that regrades nothing.
    afterTrackStored(
      this.deps.db,
      {
        userid: launch.userid,
        scormid: launch.scormid,
        element: stored,
        value,
      },
      actor,
    );
    const activity = { cmid: launch.cmid, courseid: launch.courseid, scormid: launch.scormid };
    trackSubmitted(this.deps.db, actor, activity, {
      attemptid: launch.attemptid,
      learnerid: launch.userid,
      element: stored,
      value,
    });
  }

  /**
   * What mod_scorm's player adds: the finish values at Terminate, and 1.2 "not attempted" with a first commit,
   * unless every op of that commit was refused (a commit refused whole stores nothing, the player's status neither).
   */
  private applyPlayerSemantics(
    launch: LaunchRow,
    version: "1.2" | "2004",
    sessionTime: string,
    finishing: boolean,
    refusedWhole: boolean,
    actor: Actor,
  ): void {
    const { activities } = this.deps;
    // Read only when needed: a 2004 commit that does not finish (nearly every commit) uses none of them.
    const stored = (): Map<string, string> => this.storedValues(launch, version);
    const store = (element: string, value: string): void =>
      this.store(launch, version, element, value, actor);
    if (finishing) {
      const values = finishValues({
        version,
        stored: stored(),
        seedTotalTime: launch.seedtotaltime,
        sessionTime,
        masteryOverride: launch.masteryoverride === 1,
        scoData: activities.scoData(launch.scoid),
      });
      for (const [element, value] of values) store(element, value);
    } else if (version === "1.2" && !refusedWhole && !stored().has("cmi.core.lesson_status")) {
      store("cmi.core.lesson_status", "not attempted");
    }
  }

  commit(userid: number, args: Record<string, unknown>, ip = "") {
    const { db } = this.deps;
    const actor: Actor = { userid, ip };
    requireKnownParameters(args, COMMIT_PARAMETERS);
    if (typeof args.launchid !== "string") throw new LmsApiError("invalidparameter", "Invalid launchid");
    if (!Array.isArray(args.ops)) throw new LmsApiError("invalidparameter", "Invalid ops");
    const launch = requireOwnLaunch(
      db.get<LaunchRow>(
        `SELECT l.*, s.course AS courseid, s.masteryoverride, s.forcecompleted, s.version AS scormversion, cm.id AS cmid
           FROM mdl_local_extscormbridge_launch l
           JOIN mdl_scorm s ON s.id = l.scormid
           JOIN mdl_course_modules cm ON cm.instance = s.id
           JOIN mdl_modules m ON m.id = cm.module AND m.name = 'scorm'
          WHERE l.launchid = ?`,
        [args.launchid],
      ),
      userid,
    );
    requireLiveAttempt(this.deps.tracks, launch);
    const version = launch.scormversion === "SCORM_1.2" ? "1.2" : "2004";
    const ops: Op[] = [];
    for (const raw of args.ops) {
      const op = parseOp(opFromWire(raw));
      if (!op) throw new LmsApiError("invalidparameter", "Malformed op");
      ops.push(op);
    }
    requireActivityAccess(
      db,
      userid,
      { courseid: launch.courseid, context: moduleContext(db, launch.cmid) },
      SAVETRACK_CAPABILITY,
    );
    const sessionElement = version === "1.2" ? "cmi.core.session_time" : "cmi.session_time";
    const result = db.transaction(() => {
      let sessiontime = launch.sessiontime;
      const applied = applyOps(
        db,
        launch,
        ops,
        (op) => {
          if (op.element === sessionElement) sessiontime = op.value;
          // mod_scorm's 1.2 player never stores session_time; it only adds it to total_time at finish.
          if (!op.element.startsWith("cmi.") || (version === "1.2" && op.element === sessionElement)) return;
          const writes =
            version === "1.2" && launch.forcecompleted === 1
              ? forceCompletedWrites(op.element, op.value, this.storedValues(launch, version))
              : [[op.element, op.value] as [string, string]];
          // The element the SCO set fires its event; a stored value mod_scorm flips on its own fires none.
          for (const [element, value] of writes)
            this.store(launch, version, element, value, element === op.element ? actor : null);
        },
        (op) => valueRefusal(version, op.element, op.value),
      );
      const finishing = args.terminate === true && launch.finished === 0;
      const refusedWhole = ops.length > 0 && applied.rejected.length === ops.length;
      this.applyPlayerSemantics(launch, version, sessiontime, finishing, refusedWhole, actor);
      db.run(
        "UPDATE mdl_local_extscormbridge_launch SET ackedseq = ?, finished = CASE WHEN ? = 1 THEN 1 ELSE finished END, sessiontime = ? WHERE id = ?",
        [applied.ackedseq, finishing ? 1 : 0, sessiontime, launch.id],
      );
      return applied;
    });
    publishCommit(this.deps.onCommit, {
      cmid: launch.cmid,
      learnerid: launch.userid,
      terminated: args.terminate === true,
    });
    this.stats.duplicates += result.duplicates;
    this.stats.superseded += result.superseded;
    if (result.rejected.length > 0) this.logRejectedOps(actor, launch, result.rejected);
    return { ackedseq: result.ackedseq, rejected: result.rejected };
  }

  /** One request_refused event for a commit's ops refused one by one (P24); a resent op is a duplicate, not logged again. */
  private logRejectedOps(actor: Actor, launch: LaunchRow, rejected: readonly RejectedOp[]): void {
    logRefusal(this.deps.db, actor, {
      operation: COMMIT_METHOD,
      errorcode: REJECTED_VALUE_ERRORCODE,
      message: rejected.map((r) => `op ${r.seq} ${r.element}: ${r.reason}`).join("; "),
      context: moduleContext(this.deps.db, launch.cmid),
      courseid: launch.courseid,
    });
  }
}
