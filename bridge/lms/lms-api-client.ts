// Calls the LMS API (`launch`, `commit`) the way Moodle's core/ajax does: POST lib/ajax/service.php with the
// sesskey, a JSON array of calls, and one result per call. Failures are classified: transient (retry),
// session (sign in again) or permanent (stop and tell the learner).
import type { BridgeConfig } from "../protocol/bridge-config.ts";
import type { Op, ScormVersion } from "../protocol/messages.ts";
import { fromWire, toWire } from "../protocol/wire-text.ts";
import type { PlayerConfig } from "./config.ts";

export interface LaunchResult {
  launchid: string;
  nonce: string;
  attempt: number;
  version: ScormVersion;
  cdnorigin: string;
  frameurl: string;
  scourl: string;
  /** As it travels, a value may be escaped (enc, wire-text.ts); launch() answers them decoded. */
  seed: Array<{ element: string; value: string; enc?: "u" }>;
  config: Partial<BridgeConfig>;
  /** The activity's launchable SCOs in manifest order, for navigation requests. */
  toc: Array<{ scoid: number; identifier: string; title: string }>;
}

export interface CommitResult {
  ackedseq: number;
  rejected: Array<{ seq: number; element: string; reason: string }>;
}

export type FailureKind = "transient" | "session" | "permanent";

const SESSION_ERRORS = new Set([
  "servicerequireslogin",
  "invalidsesskey",
  "requireloginerror_session",
  "sessionexpired",
]);

export class LmsApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly errorcode: string,
    message: string,
  ) {
    super(message);
  }
}

export const COMMIT_METHOD = "local_externalscormbridge_commit";

/** An op as it travels through Moodle's web-service layer: its value escaped when it must be (wire-text.ts). */
export interface WireOp {
  seq: number;
  element: string;
  value: string;
  enc?: "u";
}

/** The commit call. */
export function commitRequestBody(launchid: string, ops: readonly Op[], terminate: boolean): string {
  const wire: WireOp[] = ops.map((op) => ({ seq: op.seq, element: op.element, ...toWire(op.value) }));
  return JSON.stringify([{ index: 0, methodname: COMMIT_METHOD, args: { launchid, ops: wire, terminate } }]);
}

/** The launch answer with its seed values decoded (wire-text.ts); an undecodable one is a malformed answer. */
function decodeLaunch(result: LaunchResult): LaunchResult {
  const seed = result.seed.map((row) => {
    const value = fromWire(row.value, row.enc);
    if (value === null)
      throw new LmsApiError("permanent", "badresponse", `Undecodable seed value of ${row.element}`);
    return { element: row.element, value };
  });
  return { ...result, seed };
}

export class LmsApiClient {
  private sesskey: string;

  constructor(
    private readonly config: PlayerConfig,
    public timeoutMs: number,
  ) {
    this.sesskey = config.sesskey;
  }

  serviceUrl(methodname: string): string {
    return `${this.config.wwwroot}/lib/ajax/service.php?sesskey=${encodeURIComponent(this.sesskey)}&info=${encodeURIComponent(methodname)}`;
  }

  private async post(methodname: string, body: string): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(this.serviceUrl(methodname), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body,
        signal: controller.signal,
      });
    } catch (error) {
      const timedOut = controller.signal.aborted;
      throw new LmsApiError(
        "transient",
        timedOut ? "timeout" : "network",
        timedOut
          ? `The LMS did not answer within ${this.timeoutMs} ms`
          : `The LMS could not be reached (${String(error)})`,
      );
    } finally {
      clearTimeout(timer);
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      throw new LmsApiError(
        "transient",
        `http${response.status}`,
        `The LMS answered HTTP ${response.status}`,
      );
    }
    if (!response.ok)
      throw new LmsApiError(
        "permanent",
        `http${response.status}`,
        `The LMS answered HTTP ${response.status}`,
      );
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new LmsApiError("transient", "badresponse", "The LMS answered something that is not JSON");
    }
  }

  private async call<T>(methodname: string, body: string): Promise<T> {
    const answer = await this.post(methodname, body);
    const first = Array.isArray(answer) ? (answer[0] as Record<string, unknown> | undefined) : undefined;
    if (!first) {
      const err = (answer ?? {}) as { errorcode?: unknown; error?: unknown };
      const code = typeof err.errorcode === "string" ? err.errorcode : "unknown";
      throw new LmsApiError(
        SESSION_ERRORS.has(code) ? "session" : "permanent",
        code,
        String(err.error ?? "Malformed LMS answer"),
      );
    }
    if (first.error) {
      const ex = (first.exception ?? {}) as { errorcode?: unknown; message?: unknown };
      const code = typeof ex.errorcode === "string" ? ex.errorcode : "unknown";
      throw new LmsApiError(
        SESSION_ERRORS.has(code) ? "session" : "permanent",
        code,
        String(ex.message ?? "LMS API error"),
      );
    }
    return first.data as T;
  }

  async launch(): Promise<LaunchResult> {
    const methodname = "local_externalscormbridge_launch";
    const args = { cmid: this.config.cmid, scoid: this.config.scoid };
    return decodeLaunch(
      await this.call<LaunchResult>(methodname, JSON.stringify([{ index: 0, methodname, args }])),
    );
  }

  commit(launchid: string, ops: readonly Op[], terminate: boolean): Promise<CommitResult> {
    return this.call(COMMIT_METHOD, commitRequestBody(launchid, ops, terminate));
  }

  /** After the learner signed in again: take the new session's sesskey. */
  async refreshSesskey(): Promise<void> {
    const response = await fetch(`${this.config.wwwroot}/local/externalscormbridge/sesskey.php`, {
      credentials: "same-origin",
    });
    const body = (await response.json().catch(() => ({}))) as { sesskey?: unknown; userid?: unknown };
    if (!response.ok || typeof body.sesskey !== "string") {
      throw new LmsApiError("session", "servicerequireslogin", "You are still signed out.");
    }
    // Progress belongs to the user who started the activity: never deliver it through someone else's session.
    if (body.userid !== undefined && body.userid !== this.config.userid) {
      throw new LmsApiError(
        "session",
        "wronguser",
        "You are signed in as another user. Sign in again as the learner who started this activity.",
      );
    }
    this.sesskey = body.sesskey;
  }
}
