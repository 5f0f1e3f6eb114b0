// Generates SCORM API call sequences for 1.2 and 2004 that walk the whole state machine and the data model's
// error paths: calls before Initialize, double Initialize, calls after Terminate (Initialize included), undefined
// and keyword elements, _children/_count on elements without them (1.2's 202/203), read-only and write-only
// elements, type mismatches, out-of-range values, collection order and dependencies, plus valid reads and writes
// between them. GetValue never reads what the LMS seeds per learner (identity, entry, credit, mode, times), which
// a bare runtime cannot know. The fixed examples provoke every code the runtime can give (reports/error-codes.json).
import fc from "fast-check";
import type { ProbeCall } from "../../harness/probe/probe-client.ts";
import type { DeclaredVersion } from "./manifest-arbitrary.ts";

export interface ApiCallScript {
  version: DeclaredVersion;
  calls: ProbeCall[];
}

interface VersionPool {
  init: string;
  finish: string;
  commit: string;
  get: string;
  set: string;
  lastError: string;
  errorString: string;
  diagnostic: string;
  /** Elements worth reading. */
  readable: string[];
  /** [element, value] writes: valid, wrong type, out of range, read-only, out of order, undefined. */
  writes: Array<[string, string]>;
  codes: string[];
}

const POOLS: Record<DeclaredVersion, VersionPool> = {
  "1.2": {
    init: "LMSInitialize",
    finish: "LMSFinish",
    commit: "LMSCommit",
    get: "LMSGetValue",
    set: "LMSSetValue",
    lastError: "LMSGetLastError",
    errorString: "LMSGetErrorString",
    diagnostic: "LMSGetDiagnostic",
    readable: [
      "cmi.core._children",
      "cmi.core.lesson_location",
      "cmi.core.lesson_status",
      "cmi.core.score.raw",
      "cmi.core.score._children",
      "cmi.core.session_time",
      "cmi.core.exit",
      "cmi.suspend_data",
      "cmi.interactions._count",
      "cmi.interactions.0.id",
      "cmi.objectives._count",
      "cmi.objectives.0.id",
      "cmi.objectives.0.status",
      "cmi.student_preference.audio",
      "cmi._version",
      "cmi.core.undefined_element",
      "cmi.nothing",
      "cmi.core.lesson_status._children",
      "cmi.core._count",
      "",
    ],
    writes: [
      ["cmi.core.lesson_location", "page-2"],
      ["cmi.core.lesson_status", "completed"],
      ["cmi.core.lesson_status", "finished"],
      ["cmi.core.score.raw", "85"],
      ["cmi.core.score.raw", "abc"],
      ["cmi.core.score.raw", "150"],
      ["cmi.core.session_time", "00:10:00"],
      ["cmi.core.session_time", "ten minutes"],
      ["cmi.core.exit", "suspend"],
      ["cmi.core.student_id", "intruder"],
      ["cmi.core.total_time", "01:00:00"],
      ["cmi.core._children", "x"],
      ["cmi.interactions.0.id", "q1"],
      ["cmi.interactions.3.id", "q4"],
      ["cmi.interactions.0.type", "choice"],
      ["cmi.objectives.0.id", "obj-1"],
      ["cmi.objectives.0.status", "passed"],
      ["cmi.student_preference.audio", "200"],
      ["cmi.suspend_data", "state=1"],
      ["cmi.core.undefined_element", "x"],
    ],
    codes: ["0", "101", "201", "301", "401", "403", "404", "405", "999"],
  },
  "2004": {
    init: "Initialize",
    finish: "Terminate",
    commit: "Commit",
    get: "GetValue",
    set: "SetValue",
    lastError: "GetLastError",
    errorString: "GetErrorString",
    diagnostic: "GetDiagnostic",
    readable: [
      "cmi._version",
      "cmi.location",
      "cmi.completion_status",
      "cmi.success_status",
      "cmi.score._children",
      "cmi.score.scaled",
      "cmi.score.raw",
      "cmi.progress_measure",
      "cmi.session_time",
      "cmi.exit",
      "cmi.suspend_data",
      "cmi.interactions._count",
      "cmi.interactions._children",
      "cmi.interactions.0.id",
      "cmi.interactions.0.learner_response",
      "cmi.objectives._count",
      "cmi.objectives.0.id",
      "cmi.objectives.0.success_status",
      "cmi.comments_from_learner._count",
      "cmi.learner_preference.audio_level",
      "adl.nav.request",
      "cmi.undefined_element",
      "cmi.interactions.9.id",
      "",
    ],
    writes: [
      ["cmi.location", "page-2"],
      ["cmi.completion_status", "completed"],
      ["cmi.completion_status", "done"],
      ["cmi.success_status", "passed"],
      ["cmi.score.scaled", "0.5"],
      ["cmi.score.scaled", "1.5"],
      ["cmi.score.raw", "abc"],
      ["cmi.progress_measure", "-0.1"],
      ["cmi.session_time", "PT10M"],
      ["cmi.session_time", "10:00"],
      ["cmi.exit", "suspend"],
      ["cmi.learner_id", "intruder"],
      ["cmi.total_time", "PT1H"],
      ["cmi.interactions._count", "3"],
      ["cmi.interactions.0.id", "q1"],
      ["cmi.interactions.2.id", "q3"],
      ["cmi.interactions.0.type", "choice"],
      ["cmi.interactions.0.learner_response", "a"],
      ["cmi.objectives.0.id", "obj-1"],
      ["cmi.objectives.0.success_status", "passed"],
      ["cmi.objectives.1.success_status", "passed"],
      ["cmi.learner_preference.audio_level", "-1"],
      ["adl.nav.request", "continue"],
      ["cmi.undefined_element", "x"],
      // Not a SCORM element but a getter of scorm-again's own: the runtime answers 101 General Exception.
      ["cmi.initialized", "x"],
    ],
    codes: [
      "0",
      "101",
      "103",
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
      "401",
      "403",
      "404",
      "405",
      "406",
      "407",
      "408",
    ],
  },
};

function callArbitrary(pool: VersionPool): fc.Arbitrary<ProbeCall> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<ProbeCall>([pool.init, ""], [pool.init, "x"]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<ProbeCall>([pool.finish, ""], [pool.commit, ""], [pool.commit, "x"]),
    },
    { weight: 6, arbitrary: fc.constantFrom(...pool.readable).map((e): ProbeCall => [pool.get, e]) },
    { weight: 8, arbitrary: fc.constantFrom(...pool.writes).map(([e, v]): ProbeCall => [pool.set, e, v]) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constant<ProbeCall>([pool.lastError]),
        fc.constantFrom(...pool.codes).map((c): ProbeCall => [pool.errorString, c]),
        fc.constantFrom(...pool.codes).map((c): ProbeCall => [pool.diagnostic, c]),
      ),
    },
  );
}

export function apiCallScriptArbitrary(): fc.Arbitrary<ApiCallScript> {
  return fc.constantFrom<DeclaredVersion>("1.2", "2004").chain((version) => {
    const pool = POOLS[version];
    return fc
      .tuple(
        fc.array(callArbitrary(pool), { maxLength: 4 }),
        fc.array(callArbitrary(pool), { minLength: 5, maxLength: 40 }),
      )
      .map(([early, rest]) => ({
        version,
        // mostly: a few calls, then Initialize, then anything (including Terminate and calls after it)
        calls: [...early, [pool.init, ""] as ProbeCall, ...rest],
      }));
  });
}

/** One script per version through every state: before Initialize, twice Initialize, after Terminate (104). */
export function apiCallExamples(): ApiCallScript[] {
  return (["1.2", "2004"] as const).map((version) => {
    const p = POOLS[version];
    const writes = p.writes.map(([e, v]): ProbeCall => [p.set, e, v]);
    return {
      version,
      calls: [
        [p.get, p.readable[1]!],
        [p.set, ...p.writes[0]!],
        [p.commit, ""],
        [p.finish, ""],
        [p.init, "x"],
        [p.init, ""],
        [p.init, ""],
        ...writes,
        ...p.readable.map((e): ProbeCall => [p.get, e]),
        [p.lastError],
        [p.errorString, "401"],
        [p.diagnostic, ""],
        [p.commit, ""],
        [p.finish, ""],
        [p.get, p.readable[1]!],
        [p.set, ...p.writes[0]!],
        [p.commit, ""],
        [p.finish, ""],
        [p.init, ""],
      ],
    };
  });
}
