// ADL's way of judging one scripted API step, written from the corpus README: the error code must be one the
// script accepts; return values are compared by the element's data type (durations by total seconds, reals
// numerically, `_children` as sets), implementation-defined strings by shape only (`less255`: non-empty and at
// most 255 characters, `emptyCS`: empty); a write beyond a smallest permitted maximum that the LMS refuses or
// cuts is a warning, not a failure.
import type { AdlStep } from "../adl/adl-script.ts";

export type Verdict =
  { kind: "pass" } | { kind: "warning"; reason: string } | { kind: "fail"; reason: string };

export interface ActualResult {
  ret: string | null;
  err: string | null;
}

const DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const SECONDS_PER = [365 * 24 * 3600, 30 * 24 * 3600, 24 * 3600, 3600, 60, 1];

export function durationSeconds(value: string): number | null {
  const m = DURATION.exec(value);
  if (!m || value === "P" || value.endsWith("T")) return null;
  return SECONDS_PER.reduce((sum, factor, i) => sum + Number(m[i + 1] ?? 0) * factor, 0);
}

const DURATION_ELEMENT = /(session_time|total_time|latency|max_time_allowed)$/;
const REAL_ELEMENT =
  /(score\.(scaled|raw|min|max)|progress_measure|completion_threshold|scaled_passing_score|weighting|audio_level|delivery_speed)$/;

const isNumber = (s: string): boolean => s.trim() !== "" && Number.isFinite(Number(s));

/** The smallest permitted maxima (SCORM 2004 4th RTE) of the character strings the scripts overrun. */
export function smallestPermittedMaximum(element: string): number | null {
  if (/\.id$/.test(element)) return 4000;
  if (element === "cmi.location") return 1000;
  if (element === "cmi.suspend_data") return 64000;
  if (/^cmi\.comments_from_(learner|lms)\.\d+\.comment$/.test(element)) return 4000;
  if (/^cmi\.comments_from_(learner|lms)\.\d+\.location$/.test(element)) return 250;
  if (/\.description$/.test(element)) return 250;
  return null;
}

export function sameValue(step: AdlStep, expected: string, actual: string): boolean {
  if (expected === "less255") return actual.length > 0 && actual.length <= 255;
  if (expected === "emptyCS") return actual === "";
  if (expected === actual) return true;
  if (step.argument.endsWith("._children")) {
    const set = (s: string) => [...new Set(s.split(","))].sort().join(",");
    return set(expected) === set(actual);
  }
  if (DURATION_ELEMENT.test(step.argument)) {
    const [e, a] = [durationSeconds(expected), durationSeconds(actual)];
    return e !== null && a !== null && Math.abs(e - a) < 0.005;
  }
  if (REAL_ELEMENT.test(step.argument) || (step.argument.endsWith(".result") && isNumber(expected))) {
    return isNumber(expected) && isNumber(actual) && Number(expected) === Number(actual);
  }
  return false;
}

/** The expectation text ADL writes where a valid value and an error code are both acceptable. */
export const ANY_VALUE_OR_ERROR = "Returned a valid value or error code";

const show = (s: string | null): string =>
  s === null ? "null" : JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * Judges one step. `overrun` holds the elements an earlier step of the same learner wrote beyond their smallest
 * permitted maximum; the judge adds to it.
 */
export function judgeStep(step: AdlStep, actual: ActualResult, overrun: Set<string>): Verdict {
  const ret = actual.ret ?? "";
  const err = actual.err ?? "";
  // ADL's own wording for a read whose outcome is left to the LMS (cmi.comments_from_lms.0.* when _count is 0):
  // any value with no error, or any error code, passes.
  if (step.expectedReturn === ANY_VALUE_OR_ERROR) return { kind: "pass" };
  const codeOk = step.expectedCodes.length === 0 || step.expectedCodes.includes(err);
  const valueOk = sameValue(step, step.expectedReturn, ret);
  if (step.method === "SET") {
    const spm = smallestPermittedMaximum(step.argument);
    const beyond = spm !== null && (step.value ?? "").length > spm;
    if (beyond) overrun.add(step.argument);
    if (valueOk && codeOk) return { kind: "pass" };
    if (beyond && step.expectedReturn === "true")
      return {
        kind: "warning",
        reason: `write of ${step.value?.length} characters beyond the SPM ${spm} refused (${err})`,
      };
  } else if (valueOk && codeOk) {
    return { kind: "pass" };
  }
  if (step.method === "GET" && overrun.has(step.argument) && codeOk)
    return { kind: "warning", reason: "reads back a value written beyond its smallest permitted maximum" };
  const parts: string[] = [];
  if (!valueOk) parts.push(`returned ${show(ret)}, expected ${show(step.expectedReturn)}`);
  if (!codeOk) parts.push(`error ${err}, expected ${step.expectedCodes.join(" or ")}`);
  return { kind: "fail", reason: parts.join("; ") };
}
