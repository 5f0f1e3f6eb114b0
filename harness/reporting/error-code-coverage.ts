// The error-code coverage matrix: which SCORM error codes the SCO actually saw through the bridge (GetLastError
// right after each probe call), by which property, with the first call that provoked each code. Each property
// test carries what its probe calls observed as an `error-codes.json` attachment (error-code-recorder.ts); this
// module joins them into reports/error-codes.json and the one-line summary printed at the end of a run.
import type { ProbeResult } from "../probe/probe-client.ts";

export const ERROR_CODES_FILE = "error-codes.json";
/** The name of each test's attachment holding what its probe calls observed. */
export const ERROR_CODES_ATTACHMENT = "error-codes.json";

/** SCORM 2004 4th Edition's 26 codes (ADL APIErrorCodes.java and DMErrorCodes.java). */
export const SCORM2004_ERROR_CODES = [
  "0",
  "101",
  "102",
  "103",
  "104",
  "111",
  "112",
  "113",
  "122",
  "123",
  "132",
  "133",
  "142",
  "143",
  "201",
  "301",
  "351",
  "391",
  "401",
  "402",
  "403",
  "404",
  "405",
  "406",
  "407",
  "408",
] as const;

/** SCORM 1.2's 11 codes (RTE 3.4.4). */
export const SCORM12_ERROR_CODES = [
  "0",
  "101",
  "201",
  "202",
  "203",
  "301",
  "401",
  "402",
  "403",
  "404",
  "405",
] as const;

export type ScormVersionKey = "scorm2004" | "scorm12";

export const VERSION_LABEL: Record<ScormVersionKey, string> = { scorm2004: "2004", scorm12: "1.2" };

const ALL_CODES: Record<ScormVersionKey, readonly string[]> = {
  scorm2004: SCORM2004_ERROR_CODES,
  scorm12: SCORM12_ERROR_CODES,
};

/**
 * Codes no SCO can be shown through the reference bridge on this LMS, each with its reason. A code listed here
 * and provoked anyway is reported (`cannotOccurButProvoked`), so the list cannot go stale silently.
 */
export const CANNOT_OCCUR: Record<ScormVersionKey, Record<string, string>> = {
  scorm2004: {
    "102":
      "General Initialization Failure: Initialize needs nothing from the LMS. The launch, the bridge's only " +
      "exchange with the LMS before the SCO runs, is answered before the SCO is even loaded (a failed launch " +
      "shows the learner a message and never loads it), Initialize then only changes the seeded runtime's " +
      "local state, and scorm-again 3.4.3 never raises INITIALIZATION_FAILED.",
    "402":
      "Unimplemented Data Model Element: SCORM 2004 requires an LMS to implement every data model element; " +
      "scorm-again 3.4.3 implements all of them and never raises UNIMPLEMENTED_ELEMENT, and the bridge adds " +
      "no element of its own (names it does not know are 401).",
  },
  scorm12: {},
};

/** What a reader of the matrix should know about how a code is provoked. */
export const NOTES: Record<ScormVersionKey, Record<string, string>> = {
  scorm2004: {
    "101":
      "No SCORM-defined condition gives 2004's General Exception through this bridge: it comes from scorm-again " +
      "when a SetValue names one of its own getter-only properties (cmi.initialized), where SCORM expects 401; " +
      "the bridge passes the runtime's answer through unchanged (P03's transparency oracle).",
    "111": "The reference bridge's answer to Terminate once the LMS has refused the attempt's data for good.",
  },
  scorm12: {},
};

/** The first call that gave each code, as `SetValue("cmi.x", "y") -> false/401`. */
export type CodeExamples = Record<string, string>;

/** What one test's probe calls observed, per SCORM version. */
export interface ErrorCodeObservations {
  scorm2004: CodeExamples;
  scorm12: CodeExamples;
}

export interface ErrorCodeEntry {
  provokedBy: string[];
  example: string | null;
  /** Why the code cannot occur with this bridge and LMS (then provokedBy is usually empty). */
  cannotOccur?: string;
  note?: string;
}

export interface ErrorCodeReport {
  scorm2004: Record<string, ErrorCodeEntry | null>;
  scorm12: Record<string, ErrorCodeEntry | null>;
  /** Codes neither provoked nor listed as impossible, as "2004:102" / "1.2:202". */
  missing: string[];
  /** Codes listed as impossible that a property provoked after all: the reason is stale. */
  cannotOccurButProvoked: string[];
  /** Values GetLastError gave that are not codes of that version, with the call and properties. */
  otherCodes: Record<ScormVersionKey, Record<string, ErrorCodeEntry>>;
  /** The properties whose observations were counted. */
  properties: string[];
}

export const emptyObservations = (): ErrorCodeObservations => ({ scorm2004: {}, scorm12: {} });

/** Calls that report the error state without setting it: their code belongs to the call before. */
const ERROR_QUERIES = /^(LMS)?(GetLastError|GetErrorString|GetDiagnostic)$/;

const shown = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);

export function callExample(r: ProbeResult): string {
  return `${r.fn}(${r.args.map(shown).join(", ")}) -> ${r.ret === null ? "null" : shown(r.ret).slice(1, -1)}/${r.err}`;
}

/** The version a probe call belongs to: 1.2's methods are the ones named LMS*. */
export const versionOfCall = (fn: string): ScormVersionKey =>
  fn.startsWith("LMS") ? "scorm12" : "scorm2004";

/** Adds the codes of `results` to `into` (keeping each code's first example); returns `into`. */
export function observeResults(
  into: ErrorCodeObservations,
  results: readonly ProbeResult[],
): ErrorCodeObservations {
  for (const r of results) {
    // No API method of that name (err "no-such-method"), or nothing to read the error from.
    if (r.err === null || r.err === "no-such-method" || ERROR_QUERIES.test(r.fn)) continue;
    const seen = into[versionOfCall(r.fn)];
    seen[r.err] ??= callExample(r);
  }
  return into;
}

export function mergeObservations(
  into: ErrorCodeObservations,
  from: Partial<ErrorCodeObservations>,
): ErrorCodeObservations {
  for (const version of ["scorm2004", "scorm12"] as const)
    for (const [code, example] of Object.entries(from[version] ?? {})) into[version][code] ??= example;
  return into;
}

const propertyOrder = (a: string, b: string): number => a.localeCompare(b, "en", { numeric: true });

/** Joins each property test's observations into the matrix: every code of both versions, provoked or not. */
export function buildErrorCodeReport(
  tests: ReadonlyArray<{ property: string; observations: Partial<ErrorCodeObservations> }>,
  cannotOccur: Record<ScormVersionKey, Record<string, string>> = CANNOT_OCCUR,
  notes: Record<ScormVersionKey, Record<string, string>> = NOTES,
): ErrorCodeReport {
  const report: ErrorCodeReport = {
    scorm2004: {},
    scorm12: {},
    missing: [],
    cannotOccurButProvoked: [],
    otherCodes: { scorm2004: {}, scorm12: {} },
    properties: [...new Set(tests.map((t) => t.property))].sort(propertyOrder),
  };
  const seen: Record<ScormVersionKey, Map<string, ErrorCodeEntry>> = {
    scorm2004: new Map(),
    scorm12: new Map(),
  };
  const ordered = [...tests].sort((a, b) => propertyOrder(a.property, b.property));
  for (const { property, observations } of ordered)
    for (const version of ["scorm2004", "scorm12"] as const)
      for (const [code, example] of Object.entries(observations[version] ?? {})) {
        const entry = seen[version].get(code) ?? { provokedBy: [], example };
        if (!entry.provokedBy.includes(property)) entry.provokedBy.push(property);
        seen[version].set(code, entry);
      }
  for (const version of ["scorm2004", "scorm12"] as const) {
    const codes = ALL_CODES[version];
    for (const code of codes) {
      const entry = seen[version].get(code);
      const reason = cannotOccur[version][code];
      const label = `${VERSION_LABEL[version]}:${code}`;
      if (entry && reason) report.cannotOccurButProvoked.push(label);
      if (reason)
        report[version][code] = { ...(entry ?? { provokedBy: [], example: null }), cannotOccur: reason };
      else if (entry)
        report[version][code] = notes[version][code] ? { ...entry, note: notes[version][code] } : entry;
      else {
        report[version][code] = null;
        report.missing.push(label);
      }
    }
    for (const [code, entry] of [...seen[version]].sort(([a], [b]) => propertyOrder(a, b)))
      if (!codes.includes(code)) report.otherCodes[version][code] = entry;
  }
  return report;
}

/** `error codes: 2004 24/26 (2 cannot occur: 102, 402), 1.2 11/11; missing: none` */
export function errorCodeSummary(report: ErrorCodeReport): string {
  const part = (version: ScormVersionKey): string => {
    const entries = Object.entries(report[version]);
    const provoked = entries.filter(([, e]) => e !== null && e.provokedBy.length > 0).length;
    const impossible = entries.filter(([, e]) => e?.cannotOccur !== undefined).map(([c]) => c);
    return (
      `${VERSION_LABEL[version]} ${provoked}/${entries.length}` +
      (impossible.length > 0 ? ` (${impossible.length} cannot occur: ${impossible.join(", ")})` : "")
    );
  };
  const others = (["scorm2004", "scorm12"] as const).flatMap((v) =>
    Object.keys(report.otherCodes[v]).map((c) => `${VERSION_LABEL[v]}:${c}`),
  );
  return [
    `error codes: ${part("scorm2004")}, ${part("scorm12")}; missing: ${report.missing.join(", ") || "none"}`,
    ...(report.cannotOccurButProvoked.length > 0
      ? [`  listed as impossible but provoked: ${report.cannotOccurButProvoked.join(", ")}`]
      : []),
    ...(others.length > 0 ? [`  not SCORM codes: ${others.join(", ")}`] : []),
  ].join("\n");
}
