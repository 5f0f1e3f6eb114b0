// The plugin's server-side value check for the elements that drive status, grading, completion and resume: a
// commit's op whose value is outside its element's SCORM type is refused (not stored) with a reason, whoever sent
// it (a bridged SCO never does: its runtime refuses such values at SetValue; a forged request can).
//
// One table per SCORM version, from the RTE books' data types:
// - SCORM 1.2: cmi.core.lesson_status is one of passed, completed, failed, incomplete, browsed, not attempted;
//   cmi.core.exit one of time-out, suspend, logout, ""; cmi.core.entry one of ab-initio, resume, "";
//   cmi.core.score.raw/min/max a CMIDecimal normalized to 0..100, or CMIBlank ""; cmi.core.session_time a
//   CMITimespan HHHH:MM:SS.SS.
// - SCORM 2004: cmi.completion_status one of completed, incomplete, not attempted, unknown; cmi.success_status
//   one of passed, failed, unknown; cmi.exit one of time-out, suspend, logout, normal, ""; cmi.entry one of
//   ab-initio, resume, ""; cmi.score.scaled a real in [-1, 1]; cmi.score.raw/min/max a real; cmi.progress_measure
//   a real in [0, 1]; cmi.session_time a timeinterval (ISO 8601 duration).
// Elements outside the table are not checked here. The PHP plugin holds the same table (classes/local/value_rules.php).
import { isDecimal } from "../../bridge/mapping/decimals.ts";
import { parseTimeinterval, parseTimespan } from "../../bridge/mapping/durations.ts";
import { quote } from "../../bridge/mapping/errors.ts";
import {
  COMPLETION_STATUS_2004,
  LESSON_STATUS_12,
  SUCCESS_STATUS_2004,
} from "../../bridge/mapping/status.ts";
import { ENTRY, EXIT_12, EXIT_2004 } from "../../bridge/mapping/vocabulary.ts";
import type { ScormVersion } from "../../bridge/protocol/messages.ts";

/** A SCORM value type: true when `value` is of it. `name` says what it is, for the refusal reason. */
interface ValueType {
  name: string;
  accepts: (value: string) => boolean;
}

const vocabulary = (words: readonly string[]): ValueType => ({
  name: `one of ${words.map((w) => quote(w)).join(", ")}`,
  accepts: (value) => words.includes(value),
});

const real = (range?: { min: number; max: number; blank?: boolean }): ValueType => ({
  name:
    (range ? `a decimal number in ${range.min}..${range.max}` : "a decimal number") +
    (range?.blank ? ' or ""' : ""),
  accepts: (value) =>
    (range?.blank === true && value === "") ||
    (isDecimal(value) && (!range || (Number(value) >= range.min && Number(value) <= range.max))),
});

const parses = (name: string, parse: (value: string) => unknown): ValueType => ({
  name,
  accepts: (value) => {
    try {
      parse(value);
      return true;
    } catch {
      return false;
    }
  },
});

const SCORE_12 = real({ min: 0, max: 100, blank: true });

export const VALUE_RULES: Record<ScormVersion, Readonly<Record<string, ValueType>>> = {
  "1.2": {
    "cmi.core.lesson_status": vocabulary(LESSON_STATUS_12),
    "cmi.core.exit": vocabulary(EXIT_12),
    "cmi.core.entry": vocabulary(ENTRY),
    "cmi.core.score.raw": SCORE_12,
    "cmi.core.score.min": SCORE_12,
    "cmi.core.score.max": SCORE_12,
    "cmi.core.session_time": parses("a CMITimespan HHHH:MM:SS.SS", parseTimespan),
  },
  "2004": {
    "cmi.completion_status": vocabulary(COMPLETION_STATUS_2004),
    "cmi.success_status": vocabulary(SUCCESS_STATUS_2004),
    "cmi.exit": vocabulary(EXIT_2004),
    "cmi.entry": vocabulary(ENTRY),
    "cmi.score.scaled": real({ min: -1, max: 1 }),
    "cmi.score.raw": real(),
    "cmi.score.min": real(),
    "cmi.score.max": real(),
    "cmi.progress_measure": real({ min: 0, max: 1 }),
    "cmi.session_time": parses("a timeinterval P[nY][nM][nD][T[nH][nM][n[.n]S]]", parseTimeinterval),
  },
};

/** Why `value` may not be stored in `element` of a `version` activity, or null when it may. */
export function valueRefusal(version: ScormVersion, element: string, value: string): string | null {
  const rules = VALUE_RULES[version];
  const type = Object.hasOwn(rules, element) ? rules[element] : undefined;
  if (!type || type.accepts(value)) return null;
  return `${quote(value)} is not a valid ${element}: it must be ${type.name}`;
}
