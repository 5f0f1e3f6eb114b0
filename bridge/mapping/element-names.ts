// Maps data model element names 1.2 <-> 2004 (with the kind of value conversion each needs); null = no counterpart.
//
// Index segments (n, m) carry over unchanged. Special cases: cmi.core.lesson_status and
// cmi.objectives.n.status map to two 2004 elements (completion_status and success_status) and back; 1.2
// cmi.comments / cmi.comments_from_lms map to entry 0 of the 2004 lists, and every 2004 entry maps back to the
// one 1.2 string. Keywords (_version, _children, _count) have no counterpart: they describe the LMS's own data
// model. Unknown names throw MappingError.
import { MappingError, quote } from "./errors.ts";
import type { Version } from "./types.ts";

export type ValueKind =
  | "identifier"
  | "text"
  | "localized-text"
  | "comment"
  | "credit"
  | "entry"
  | "mode"
  | "exit"
  | "time-limit-action"
  | "status"
  | "score"
  | "duration"
  | "time"
  | "mastery"
  | "decimal"
  | "interaction-type"
  | "result"
  | "response"
  | "pattern"
  | "audio"
  | "speed"
  | "captioning"
  | "language";

export interface Counterpart {
  /** The counterpart element names (two for a status element, otherwise one). */
  names: string[];
  /** How the value converts (which module handles it). */
  kind: ValueKind;
  /** The 1.2 maximum length for string kinds, else null. */
  max12: number | null;
  /** What happens to the value on the way, when it is not carried over unchanged. */
  note: string | null;
}

interface Row {
  v12: string;
  v2004: readonly string[];
  kind: ValueKind;
  max12?: number;
  note?: string;
}

const NOTE = {
  status: "one 1.2 status <-> completion_status + success_status (status.ts)",
  duration: "CMITimespan HHHH:MM:SS.SS <-> ISO 8601 timeinterval, equal total centiseconds (durations.ts)",
  time: "1.2 time of day <-> 2004 date-time: the date must be supplied going to 2004 and is dropped going to 1.2 (timestamps.ts)",
  mastery: "scaled_passing_score = mastery_score / 100, assuming the 1.2 score range 0..100 (scores.ts)",
  comment: "1.2 holds one string, 2004 a list: the 1.2 string <-> entry 0; several 2004 entries are merged",
  score: "1.2 range 0..100 or blank <-> any real; 2004 score.scaled derived from raw/min/max (scores.ts)",
  response: "format converted by interaction type (responses.ts)",
  preference: "value scales differ; see preferences.ts",
  localized: "the 2004 {lang=...} delimiter is dropped going to 1.2 (text.ts)",
  identifier: "a 2004 identifier must also be a 1.2 CMIIdentifier (text.ts)",
  exit: "2004 normal -> 1.2 '' (vocabulary.ts)",
  type: "2004 long-fill-in -> fill-in, other -> none (vocabulary.ts)",
  result: "1.2 wrong <-> 2004 incorrect (vocabulary.ts)",
} as const;

const SCORE_ROWS = (p12: string, p2004: string): Row[] =>
  ["raw", "min", "max"].map((k) => ({
    v12: `${p12}.${k}`,
    v2004: [`${p2004}.${k}`],
    kind: "score",
    note: NOTE.score,
  }));

const ROWS: readonly Row[] = [
  { v12: "cmi.core.student_id", v2004: ["cmi.learner_id"], kind: "identifier", note: NOTE.identifier },
  {
    v12: "cmi.core.student_name",
    v2004: ["cmi.learner_name"],
    kind: "localized-text",
    max12: 255,
    note: NOTE.localized,
  },
  { v12: "cmi.core.lesson_location", v2004: ["cmi.location"], kind: "text", max12: 255 },
  { v12: "cmi.core.credit", v2004: ["cmi.credit"], kind: "credit" },
  {
    v12: "cmi.core.lesson_status",
    v2004: ["cmi.completion_status", "cmi.success_status"],
    kind: "status",
    note: NOTE.status,
  },
  { v12: "cmi.core.entry", v2004: ["cmi.entry"], kind: "entry" },
  ...SCORE_ROWS("cmi.core.score", "cmi.score"),
  { v12: "cmi.core.total_time", v2004: ["cmi.total_time"], kind: "duration", note: NOTE.duration },
  { v12: "cmi.core.lesson_mode", v2004: ["cmi.mode"], kind: "mode" },
  { v12: "cmi.core.exit", v2004: ["cmi.exit"], kind: "exit", note: NOTE.exit },
  { v12: "cmi.core.session_time", v2004: ["cmi.session_time"], kind: "duration", note: NOTE.duration },
  { v12: "cmi.suspend_data", v2004: ["cmi.suspend_data"], kind: "text", max12: 4096 },
  { v12: "cmi.launch_data", v2004: ["cmi.launch_data"], kind: "text", max12: 4096 },
  {
    v12: "cmi.comments",
    v2004: ["cmi.comments_from_learner.n.comment"],
    kind: "comment",
    max12: 4096,
    note: NOTE.comment,
  },
  {
    v12: "cmi.comments_from_lms",
    v2004: ["cmi.comments_from_lms.n.comment"],
    kind: "comment",
    max12: 4096,
    note: NOTE.comment,
  },
  {
    v12: "cmi.student_data.mastery_score",
    v2004: ["cmi.scaled_passing_score"],
    kind: "mastery",
    note: NOTE.mastery,
  },
  {
    v12: "cmi.student_data.max_time_allowed",
    v2004: ["cmi.max_time_allowed"],
    kind: "duration",
    note: NOTE.duration,
  },
  { v12: "cmi.student_data.time_limit_action", v2004: ["cmi.time_limit_action"], kind: "time-limit-action" },
  {
    v12: "cmi.student_preference.audio",
    v2004: ["cmi.learner_preference.audio_level"],
    kind: "audio",
    note: NOTE.preference,
  },
  {
    v12: "cmi.student_preference.language",
    v2004: ["cmi.learner_preference.language"],
    kind: "language",
    note: NOTE.preference,
  },
  {
    v12: "cmi.student_preference.speed",
    v2004: ["cmi.learner_preference.delivery_speed"],
    kind: "speed",
    note: NOTE.preference,
  },
  {
    v12: "cmi.student_preference.text",
    v2004: ["cmi.learner_preference.audio_captioning"],
    kind: "captioning",
  },
  { v12: "cmi.objectives.n.id", v2004: ["cmi.objectives.n.id"], kind: "identifier", note: NOTE.identifier },
  ...SCORE_ROWS("cmi.objectives.n.score", "cmi.objectives.n.score"),
  {
    v12: "cmi.objectives.n.status",
    v2004: ["cmi.objectives.n.completion_status", "cmi.objectives.n.success_status"],
    kind: "status",
    note: NOTE.status,
  },
  {
    v12: "cmi.interactions.n.id",
    v2004: ["cmi.interactions.n.id"],
    kind: "identifier",
    note: NOTE.identifier,
  },
  {
    v12: "cmi.interactions.n.objectives.m.id",
    v2004: ["cmi.interactions.n.objectives.m.id"],
    kind: "identifier",
    note: NOTE.identifier,
  },
  { v12: "cmi.interactions.n.time", v2004: ["cmi.interactions.n.timestamp"], kind: "time", note: NOTE.time },
  {
    v12: "cmi.interactions.n.type",
    v2004: ["cmi.interactions.n.type"],
    kind: "interaction-type",
    note: NOTE.type,
  },
  {
    v12: "cmi.interactions.n.correct_responses.m.pattern",
    v2004: ["cmi.interactions.n.correct_responses.m.pattern"],
    kind: "pattern",
    max12: 255,
    note: NOTE.response,
  },
  { v12: "cmi.interactions.n.weighting", v2004: ["cmi.interactions.n.weighting"], kind: "decimal" },
  {
    v12: "cmi.interactions.n.student_response",
    v2004: ["cmi.interactions.n.learner_response"],
    kind: "response",
    max12: 255,
    note: NOTE.response,
  },
  {
    v12: "cmi.interactions.n.result",
    v2004: ["cmi.interactions.n.result"],
    kind: "result",
    note: NOTE.result,
  },
  {
    v12: "cmi.interactions.n.latency",
    v2004: ["cmi.interactions.n.latency"],
    kind: "duration",
    note: NOTE.duration,
  },
];

/** Valid 1.2 names without a 2004 counterpart: the keywords. */
const ONLY_12 = [
  "cmi._version",
  "cmi.core._children",
  "cmi.core.score._children",
  "cmi.objectives._children",
  "cmi.objectives._count",
  "cmi.objectives.n.score._children",
  "cmi.student_data._children",
  "cmi.student_preference._children",
  "cmi.interactions._children",
  "cmi.interactions._count",
  "cmi.interactions.n.objectives._count",
  "cmi.interactions.n.correct_responses._count",
];

/** Valid 2004 names without a 1.2 counterpart: the keywords and the elements new in 2004. */
const ONLY_2004 = [
  "cmi._version",
  "cmi.comments_from_learner._children",
  "cmi.comments_from_learner._count",
  "cmi.comments_from_learner.n.location",
  "cmi.comments_from_learner.n.timestamp",
  "cmi.comments_from_lms._children",
  "cmi.comments_from_lms._count",
  "cmi.comments_from_lms.n.location",
  "cmi.comments_from_lms.n.timestamp",
  "cmi.completion_threshold",
  "cmi.progress_measure",
  "cmi.score._children",
  "cmi.score.scaled",
  "cmi.learner_preference._children",
  "cmi.objectives._children",
  "cmi.objectives._count",
  "cmi.objectives.n.score._children",
  "cmi.objectives.n.score.scaled",
  "cmi.objectives.n.progress_measure",
  "cmi.objectives.n.description",
  "cmi.interactions._children",
  "cmi.interactions._count",
  "cmi.interactions.n.objectives._count",
  "cmi.interactions.n.correct_responses._count",
  "cmi.interactions.n.description",
];
const ONLY_2004_PREFIXES = ["adl.nav.", "adl.data."];

const INDEX = /^(?:0|[1-9]\d*)$/;
const isIndex = (seg: string) => seg === "n" || seg === "m";

interface Compiled {
  source: readonly string[];
  row: Row;
}

/** Matches a concrete name's segments against a pattern whose n/m segments are indices; the indices or null. */
function match(pattern: readonly string[], segments: readonly string[]): string[] | null {
  if (pattern.length !== segments.length) return null;
  const indices: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? "";
    const seg = segments[i] ?? "";
    if (isIndex(p)) {
      if (!INDEX.test(seg)) return null;
      indices.push(seg);
    } else if (p !== seg) return null;
  }
  return indices;
}

/** Fills a pattern's n/m segments with indices, in order; a missing index is 0. */
function fill(pattern: string, indices: readonly string[]): string {
  let i = 0;
  return pattern
    .split(".")
    .map((seg) => (isIndex(seg) ? (indices[i++] ?? "0") : seg))
    .join(".");
}

const split = (p: string) => p.split(".");
const COMPILED: Record<Version, readonly Compiled[]> = {
  "1.2": ROWS.map((row) => ({ source: split(row.v12), row })),
  "2004": ROWS.flatMap((row) => row.v2004.map((p) => ({ source: split(p), row }))),
};
const COMPILED_ONLY: Record<Version, readonly (readonly string[])[]> = {
  "1.2": ONLY_12.map(split),
  "2004": ONLY_2004.map(split),
};

function counterpart(from: Version, name: string): Counterpart | null {
  const segments = split(name);
  for (const { source, row } of COMPILED[from]) {
    const indices = match(source, segments);
    if (!indices) continue;
    const targets = from === "1.2" ? row.v2004 : [row.v12];
    return {
      names: targets.map((t) => fill(t, indices)),
      kind: row.kind,
      max12: row.max12 ?? null,
      note: row.note ?? null,
    };
  }
  if (COMPILED_ONLY[from].some((p) => match(p, segments))) return null;
  if (from === "2004" && ONLY_2004_PREFIXES.some((p) => name.startsWith(p) && name.length > p.length))
    return null;
  throw new MappingError(`${quote(name)} is not a SCORM ${from} data model element`);
}

/** The 2004 counterpart of a 1.2 element name, or null when it has none; throws on an unknown 1.2 name. */
export function counterpart12To2004(name: string): Counterpart | null {
  return counterpart("1.2", name);
}

/** The 1.2 counterpart of a 2004 element name, or null when it has none; throws on an unknown 2004 name. */
export function counterpart2004To12(name: string): Counterpart | null {
  return counterpart("2004", name);
}

/** True for keyword elements (_version, _children, _count). */
export function isKeyword(name: string): boolean {
  return /\._(?:version|children|count)$/.test(name);
}
