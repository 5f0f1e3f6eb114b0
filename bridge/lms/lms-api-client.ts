// Calls the LMS API (`launch`, `commit`) the way Moodle's core/ajax does: POST lib/ajax/service.php with the
// sesskey, a JSON array of calls, and one result per call.
import type { Op, ScormVersion } from "../protocol/messages.ts";
import type { PlayerConfig } from "./config.ts";

export interface LaunchResult {
  launchid: string;
  nonce: string;
  attempt: number;
  version: ScormVersion;
  cdnorigin: string;
  frameurl: string;
  scourl: string;
  seed: Array<{ element: string; value: string }>;
}

export interface CommitResult {
  ackedseq: number;
  rejected: Array<{ seq: number; element: string; reason: string }>;
}

export class LmsApiError extends Error {
  constructor(
    readonly errorcode: string,
    message: string,
  ) {
    super(message);
  }
}

export class LmsApiClient {
  constructor(private readonly config: PlayerConfig) {}

  private async call<T>(methodname: string, args: Record<string, unknown>): Promise<T> {
    const url = `${this.config.wwwroot}/lib/ajax/service.php?sesskey=${encodeURIComponent(this.config.sesskey)}&info=${encodeURIComponent(methodname)}`;
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify([{ index: 0, methodname, args }]),
    });
    if (!response.ok) throw new LmsApiError("http", `LMS API answered HTTP ${response.status}`);
    const body = (await response.json()) as unknown;
    const first = Array.isArray(body) ? (body[0] as Record<string, unknown> | undefined) : undefined;
    if (!first) {
      const err = body as { errorcode?: string; error?: string };
      throw new LmsApiError(err.errorcode ?? "unknown", err.error ?? "Malformed LMS API answer");
    }
    if (first.error) {
      const ex = (first.exception ?? {}) as { errorcode?: string; message?: string };
      throw new LmsApiError(ex.errorcode ?? "unknown", ex.message ?? "LMS API error");
    }
    return first.data as T;
  }

  launch(): Promise<LaunchResult> {
    return this.call("local_externalscormbridge_launch", {
      cmid: this.config.cmid,
      scoid: this.config.scoid,
    });
  }

  commit(launchid: string, ops: Op[], terminate: boolean): Promise<CommitResult> {
    return this.call("local_externalscormbridge_commit", { launchid, ops, terminate });
  }
}
