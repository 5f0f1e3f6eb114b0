// certify's scripted session, run inside the SCO's own frame once the SCO has initialised: find the API as a SCO
// does (its window, then each parent), write a location and a suspend_data, Commit and Terminate, each call's
// result and error code kept. The values are fresh per run and hard to carry (a 1.2 suspend_data near its 4,096
// limit, a 2004 one far beyond 4 KiB; leading and trailing spaces, quotes, markup, a combining accent, a character
// outside the BMP), so a bridge or CDN that truncates, trims or re-encodes them is caught when they are read back.
import { createHash, randomBytes } from "node:crypto";
import type { Frame } from "playwright";
import type { ScormVersion } from "../../bridge/protocol/messages.ts";
import { SCORM_API } from "../probe/scorm-api-names.ts";
import { browserSource } from "./browser-source.ts";
import { API_RECORD_GLOBAL, type ApiGlobal } from "./sco-api-recorder.ts";

export const API_GLOBAL_OF: Record<ScormVersion, ApiGlobal> = { "1.2": "API", "2004": "API_1484_11" };

/** The elements the drive writes, as the SCO names them and as mod_scorm stores them (the same here). */
export const DRIVE_ELEMENTS: Record<ScormVersion, { location: string; suspendData: string }> = {
  "1.2": { location: "cmi.core.lesson_location", suspendData: "cmi.suspend_data" },
  "2004": { location: "cmi.location", suspendData: "cmi.suspend_data" },
};

const SUSPEND_DATA_LENGTH: Record<ScormVersion, number> = { "1.2": 3_000, "2004": 16_000 };

export interface DriveValues {
  location: string;
  suspendData: string;
}

export function driveValues(version: ScormVersion, token = randomBytes(6).toString("hex")): DriveValues {
  const head = ` certify ${token} "quoted" <b>&amp;</b> e\u0301 \u{1D11E} `;
  let body = head;
  for (let i = 0; body.length < SUSPEND_DATA_LENGTH[version] - 1; i++) body += `${i.toString(36)}.${token}|`;
  return { location: `certify-${token}`, suspendData: `${body.slice(0, SUSPEND_DATA_LENGTH[version] - 1)} ` };
}

export interface DriveCall {
  method: string;
  args: string[];
  result: string;
  error: string;
}

export interface DriveOutcome {
  /** How many windows up from the SCO's frame the API was found (0: its own), or null when it was not. */
  foundAtLevel: number | null;
  /** The SCO had already terminated: nothing was driven. */
  scoTerminated: boolean;
  calls: DriveCall[];
  /** A call threw (the API is broken), with its message. */
  exception: string | null;
}

interface DriveArg {
  apiName: ApiGlobal;
  recordGlobal: string;
  names: { set: string; commit: string; finish: string; lastError: string };
  elements: { location: string; suspendData: string };
  values: DriveValues;
}

function drive(arg: DriveArg): DriveOutcome {
  const outcome: DriveOutcome = { foundAtLevel: null, scoTerminated: false, calls: [], exception: null };
  let win: Window = window;
  let api: Record<string, (...a: string[]) => unknown> | null = null;
  for (let level = 0; level <= 7; level++) {
    try {
      const candidate = (win as unknown as Record<string, unknown>)[arg.apiName];
      if (candidate) {
        api = candidate as Record<string, (...a: string[]) => unknown>;
        outcome.foundAtLevel = level;
        break;
      }
    } catch {
      break; // a cross-origin window: the search ends, as it does for a SCO
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  if (!api) return outcome;
  const record = (win as unknown as Record<string, { terminate: unknown; driving: boolean } | undefined>)[
    arg.recordGlobal
  ];
  if (record && record.terminate !== null && record.terminate !== undefined) {
    outcome.scoTerminated = true;
    return outcome;
  }
  const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 40)}… (${s.length} characters)` : s);
  if (record) record.driving = true;
  try {
    for (const [method, args] of [
      [arg.names.set, [arg.elements.location, arg.values.location]],
      [arg.names.set, [arg.elements.suspendData, arg.values.suspendData]],
      [arg.names.commit, [""]],
      [arg.names.finish, [""]],
    ] as Array<[string, string[]]>) {
      const fn = api[method];
      if (typeof fn !== "function") throw new Error(`The API has no ${method}`);
      const result = String(fn.apply(api, args));
      const error = String(api[arg.names.lastError]?.call(api) ?? "");
      outcome.calls.push({ method, args: args.map(short), result, error });
    }
  } catch (error) {
    outcome.exception = String(error).slice(0, 300);
  } finally {
    if (record) record.driving = false;
  }
  return outcome;
}

/** Runs the drive in the SCO's frame; every field of the answer is checked (the frame is not trusted). */
export async function driveSession(
  scoFrame: Frame,
  version: ScormVersion,
  values: DriveValues,
): Promise<DriveOutcome> {
  const names = SCORM_API[version];
  const raw: unknown = await scoFrame.evaluate(
    browserSource(drive, {
      apiName: API_GLOBAL_OF[version],
      recordGlobal: API_RECORD_GLOBAL,
      names: { set: names.set, commit: names.commit, finish: names.finish, lastError: names.lastError },
      elements: DRIVE_ELEMENTS[version],
      values,
    }),
  );
  const r = (raw ?? {}) as Record<string, unknown>;
  const str = (x: unknown): string => String(x ?? "").slice(0, 300);
  return {
    foundAtLevel: Number.isSafeInteger(r.foundAtLevel) ? (r.foundAtLevel as number) : null,
    scoTerminated: r.scoTerminated === true,
    calls: (Array.isArray(r.calls) ? r.calls.slice(0, 4) : []).map((c: unknown) => {
      const call = (c ?? {}) as Record<string, unknown>;
      return {
        method: str(call.method),
        args: Array.isArray(call.args) ? call.args.slice(0, 2).map(str) : [],
        result: str(call.result),
        error: str(call.error),
      };
    }),
    exception: r.exception === null || r.exception === undefined ? null : str(r.exception),
  };
}

/** A value as evidence: short ones quoted, long ones by length and SHA-256 prefix. */
export function describeValue(value: string): string {
  if (value.length <= 60) return JSON.stringify(value);
  const sha = createHash("sha256").update(value, "utf8").digest("hex").slice(0, 16);
  return `${value.length} characters (sha256 ${sha}…)`;
}
