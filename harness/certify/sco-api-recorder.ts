// Observes the SCORM API a bridge frame exposes to the SCO, in certify's own Chromium: an init script in the
// topmost frame on the CDN origin (the bridge frame, whose parent is the cross-origin LMS page) turns the API
// global of the package's version into a pass-through that forwards every call to the bridge's own object and
// records it (method, arguments and result, shortened). Nothing else of the frame changes. The record says
// whether and how the SCO called Initialize and Terminate; the play verdict itself rests on what the LMS stored,
// which the SCO (same origin as the frame, so able to touch the record) cannot forge.
import type { BrowserContext, Frame } from "playwright";
import { browserSource } from "./browser-source.ts";

export type ApiGlobal = "API" | "API_1484_11";

export interface RecordedCall {
  by: "sco" | "certify";
  method: string;
  args: string[];
  result: string;
}

export interface ApiRecord {
  /** The bridge assigned the API global (the frame reached the point where a SCO can find it). */
  exposed: boolean;
  /** The result of the first Initialize / LMSInitialize, and of the first Terminate / LMSFinish. */
  initialize: string | null;
  terminate: string | null;
  calls: RecordedCall[];
  /** Calls not kept once the record was full. */
  dropped: number;
}

const RECORD_GLOBAL = "__esbCertifyApi";
const MAX_CALLS = 200;
const MAX_TEXT = 120;

interface RecorderArg {
  cdnOrigin: string;
  apiName: ApiGlobal;
  recordGlobal: string;
  maxCalls: number;
  maxText: number;
}

function recorder(arg: RecorderArg): void {
  if (window.location.origin !== arg.cdnOrigin || window.parent === window) return;
  try {
    void window.parent.document;
    return; // a same-origin parent: this is a frame inside the bridge frame (the SCO), not the bridge frame
  } catch {
    // the parent is the LMS page: this is the bridge frame
  }
  const record = {
    exposed: false,
    initialize: null as string | null,
    terminate: null as string | null,
    calls: [] as Array<{ by: string; method: string; args: string[]; result: string }>,
    dropped: 0,
    driving: false,
  };
  Object.defineProperty(window, arg.recordGlobal, { value: record });
  const short = (value: unknown): string => {
    const text = String(value);
    return text.length > arg.maxText ? `${text.slice(0, arg.maxText)}… (${text.length} characters)` : text;
  };
  const initName = arg.apiName === "API" ? "LMSInitialize" : "Initialize";
  const finishName = arg.apiName === "API" ? "LMSFinish" : "Terminate";
  let exposed: unknown;
  Object.defineProperty(window, arg.apiName, {
    configurable: true,
    enumerable: true,
    get: () => exposed,
    set: (real: unknown) => {
      if (!real || typeof real !== "object") {
        exposed = real;
        return;
      }
      const target = real as Record<string, unknown>;
      const facade: Record<string, unknown> = {};
      // Own members, and those of a class instance's prototypes (not Object's: toString and the like).
      const keys: string[] = Object.keys(target);
      for (let p = Object.getPrototypeOf(target); p && p !== Object.prototype; p = Object.getPrototypeOf(p))
        keys.push(...Object.getOwnPropertyNames(p));
      for (const key of keys) {
        if (key === "constructor" || Object.prototype.hasOwnProperty.call(facade, key)) continue;
        const member = target[key];
        if (typeof member !== "function") {
          facade[key] = member;
          continue;
        }
        facade[key] = (...args: unknown[]): unknown => {
          const result = (member as (...a: unknown[]) => unknown).apply(target, args);
          if (key === initName && record.initialize === null) record.initialize = String(result);
          if (key === finishName && record.terminate === null) record.terminate = String(result);
          if (record.calls.length < arg.maxCalls)
            record.calls.push({
              by: record.driving ? "certify" : "sco",
              method: key,
              args: args.map(short),
              result: short(result),
            });
          else record.dropped += 1;
          return result;
        };
      }
      if (Object.isFrozen(target)) Object.freeze(facade);
      record.exposed = true;
      exposed = facade;
    },
  });
}

/** Records the API global `apiName` in every bridge frame on `cdnOrigin` the context opens from now on. */
export async function installApiRecorder(
  context: BrowserContext,
  cdnOrigin: string,
  apiName: ApiGlobal,
): Promise<void> {
  await context.addInitScript({
    content: browserSource(recorder, {
      cdnOrigin,
      apiName,
      recordGlobal: RECORD_GLOBAL,
      maxCalls: MAX_CALLS,
      maxText: MAX_TEXT,
    }),
  });
}

const text = (x: unknown): string => (typeof x === "string" ? x.slice(0, 4 * MAX_TEXT) : String(x ?? ""));

/** The bridge frame's record, checked field by field (the page is not trusted); null when there is none. */
export async function readApiRecord(bridgeFrame: Frame): Promise<ApiRecord | null> {
  const raw: unknown = await bridgeFrame
    .evaluate(`JSON.stringify(window[${JSON.stringify(RECORD_GLOBAL)}] ?? null)`)
    .then((json) => (typeof json === "string" ? (JSON.parse(json) as unknown) : null))
    .catch(() => null);
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  const calls = Array.isArray(r.calls) ? r.calls.slice(0, MAX_CALLS) : [];
  return {
    exposed: r.exposed === true,
    initialize: r.initialize === null || r.initialize === undefined ? null : text(r.initialize),
    terminate: r.terminate === null || r.terminate === undefined ? null : text(r.terminate),
    calls: calls.map((c: unknown) => {
      const call = (c ?? {}) as Record<string, unknown>;
      return {
        by: call.by === "certify" ? "certify" : "sco",
        method: text(call.method),
        args: Array.isArray(call.args) ? call.args.slice(0, 4).map(text) : [],
        result: text(call.result),
      };
    }),
    dropped: Number.isSafeInteger(r.dropped) ? (r.dropped as number) : 0,
  };
}

export const API_RECORD_GLOBAL = RECORD_GLOBAL;
