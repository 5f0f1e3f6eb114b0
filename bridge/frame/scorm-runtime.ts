// The SCORM runtime the SCO talks to: scorm-again, seeded before the SCO loads, behind a facade that exposes
// only the eight methods of the package's API and reports every accepted change to the op log.
import { LIMITS, type LaunchSeed, type ScormVersion } from "../protocol/messages.ts";
import { GENERAL_EXCEPTION, UNDEFINED_ELEMENT, failedReturn, isDataModelContainer } from "./api-guards.ts";
import { withAppendedComment } from "./comments-append.ts";
import { emptyStringAllowed, writeEmptyString } from "./empty-string-writes.ts";
import type { RuntimeConstructor } from "./runtime-loader.ts";

export type ApiFacade = Record<string, (...args: string[]) => string> & { version?: string };

export interface RuntimeHooks {
  /** Called after a SetValue the runtime accepted. */
  onChange(element: string, value: string): void;
  /** Called after a successful Commit or Terminate. */
  onFlush(reason: "commit" | "terminate"): void;
  /** True once the LMS has refused delivery for good: Commit and Terminate must then answer "false". */
  deliveryFailed(): boolean;
}

/** The error a refused Commit reports: 391 General Commit Failure (2004), 101 General Exception (1.2). */
export const COMMIT_FAILURE_CODE: Record<ScormVersion, number> = { "1.2": 101, "2004": 391 };

/**
 * The error Terminate reports once the LMS has refused the attempt's data for good (its implicit Commit cannot
 * succeed): 111 General Termination Failure (2004), 101 General Exception (1.2). The session stays open.
 */
export const TERMINATE_FAILURE_CODE: Record<ScormVersion, number> = { "1.2": 101, "2004": 111 };

/**
 * The error for a value too long for the protocol to carry (LIMITS.valueLength, above every SCORM smallest
 * permitted maximum but that of a performance interaction's learner_response or pattern, 250 steps of 250 + 250
 * characters, which ADL's DMI script writes in full): refused at the call, so one oversized value never makes the LMS refuse a whole batch.
 * 351 General Set Failure (2004), 101 General Exception (1.2).
 */
export const SET_FAILURE_CODE: Record<ScormVersion, number> = { "1.2": 101, "2004": 351 };

const METHODS: Record<ScormVersion, readonly string[]> = {
  "1.2": [
    "LMSInitialize",
    "LMSFinish",
    "LMSGetValue",
    "LMSSetValue",
    "LMSCommit",
    "LMSGetLastError",
    "LMSGetErrorString",
    "LMSGetDiagnostic",
  ],
  "2004": [
    "Initialize",
    "Terminate",
    "GetValue",
    "SetValue",
    "Commit",
    "GetLastError",
    "GetErrorString",
    "GetDiagnostic",
  ],
};

export const API_GLOBAL: Record<ScormVersion, "API" | "API_1484_11"> = {
  "1.2": "API",
  "2004": "API_1484_11",
};

const SETTINGS = { lmsCommitUrl: false, autocommit: false, logLevel: 5 } as const;

function createRuntime(Runtime: RuntimeConstructor): Record<string, (...args: unknown[]) => unknown> {
  return new Runtime({ ...SETTINGS }) as unknown as Record<string, (...args: unknown[]) => unknown>;
}

/** Lets "" through where SCORM allows it but scorm-again's format check refuses it (see empty-string-writes). */
function acceptEmptyString(runtime: Record<string, unknown>, element: string): boolean {
  const lastError = String((runtime.lastErrorCode as string | undefined) ?? "");
  if (lastError !== "405" && lastError !== "406") return false;
  if (!forceEmptyString(runtime, element)) return false;
  (runtime.clearSCORMError as ((s: string) => void) | undefined)?.call(runtime, "true");
  return true;
}

/** Stores "" for an element that allows it, and marks it as set (so reading it is not a 403). */
function forceEmptyString(runtime: Record<string, unknown>, element: string): boolean {
  if (!emptyStringAllowed(element) || !writeEmptyString(runtime.cmi, element)) return false;
  (runtime._setCMIElements as Set<string> | undefined)?.add(element);
  return true;
}

/** Comment records, which scorm-again's loader sorts as text (10 before 2) and so cannot append in order. */
const COMMENT_RECORD = /^cmi\.comments_from_(learner|lms)\.(\d+)\./;

/**
 * The seed in the groups to load one after another: everything but comment records (scorm-again orders
 * interactions and objectives by index itself), then each comment record in index order.
 */
export function seedLoadOrder(values: ReadonlyArray<[string, string]>): Array<Array<[string, string]>> {
  const rest: Array<[string, string]> = [];
  const records = new Map<string, { kind: string; index: number; entries: Array<[string, string]> }>();
  for (const entry of values) {
    const m = COMMENT_RECORD.exec(entry[0]);
    if (!m) {
      rest.push(entry);
      continue;
    }
    const key = `${m[1]}.${m[2]}`;
    const record = records.get(key) ?? { kind: m[1]!, index: Number(m[2]), entries: [] };
    record.entries.push(entry);
    records.set(key, record);
  }
  const ordered = [...records.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.index - b.index);
  return [rest, ...ordered.map((r) => r.entries)];
}

export function createSeededApi(
  seed: LaunchSeed,
  hooks: RuntimeHooks,
  Runtime: RuntimeConstructor,
): ApiFacade {
  const runtime = createRuntime(Runtime);
  for (const group of seedLoadOrder(seed.values))
    runtime.loadFromFlattenedJSON?.call(runtime, Object.fromEntries(group), "");
  // scorm-again's loader skips empty values, so a stored "" would read back as 403 (not initialized);
  // set those directly, the same way the loader sets the others.
  for (const [element, value] of seed.values)
    if (value === "" && !forceEmptyString(runtime, element)) runtime.setCMIValue?.call(runtime, element, "");

  const [, finish, get, set, commit] = METHODS[seed.version];
  const fail = (name: string, code: number, diagnostic: string): string => {
    runtime.throwSCORMError?.call(runtime, undefined, code, diagnostic);
    return failedReturn(name);
  };
  const facade: ApiFacade = {};
  for (const name of METHODS[seed.version]) {
    const method = runtime[name];
    if (!method) throw new Error(`scorm-again has no ${name}`);
    facade[name] = (...args: string[]): string => {
      const initialized = (runtime.isInitialized as (() => boolean) | undefined)?.call(runtime) === true;
      // Once the LMS refused the attempt's data for good, a running session can neither commit nor terminate
      // (Terminate commits implicitly); state errors (before Initialize, after Terminate) and a non-empty
      // argument (201) are the runtime's to answer.
      const flush = (name === commit || name === finish) && String(args[0] ?? "") === "";
      if (flush && initialized && hooks.deliveryFailed()) {
        runtime.throwSCORMError?.call(
          runtime,
          undefined,
          (name === commit ? COMMIT_FAILURE_CODE : TERMINATE_FAILURE_CODE)[seed.version],
          "The LMS refused to store this attempt's data.",
        );
        return "false";
      }
      if (name === set && String(args[1] ?? "").length > LIMITS.valueLength)
        return fail(
          name,
          SET_FAILURE_CODE[seed.version],
          `Values longer than ${LIMITS.valueLength} characters cannot be stored.`,
        );
      if ((name === get || name === set) && initialized && isDataModelContainer(runtime, args[0]))
        return fail(name, UNDEFINED_ELEMENT, `${String(args[0])} is not a data model element`);
      // 1.2 cmi.comments is appended to (comments-append.ts): the runtime and the LMS get the whole text.
      const callArgs = name === set && initialized ? withAppendedComment(seed.version, runtime, args) : args;
      let result: unknown;
      try {
        result = method.apply(runtime, callArgs);
      } catch (error) {
        return fail(name, GENERAL_EXCEPTION, `The runtime failed: ${String(error).slice(0, 200)}`);
      }
      let ret = typeof result === "string" ? result : String(result);
      if (name === set && ret === "false" && args[1] === "" && acceptEmptyString(runtime, String(args[0])))
        ret = "true";
      if (ret === "true") {
        if (name === set) hooks.onChange(String(callArgs[0]), String(callArgs[1]));
        if (name === commit) hooks.onFlush("commit");
        if (name === finish) hooks.onFlush("terminate");
      }
      return ret;
    };
  }
  if (seed.version === "2004") facade.version = "1.0";
  return Object.freeze(facade) as ApiFacade;
}
