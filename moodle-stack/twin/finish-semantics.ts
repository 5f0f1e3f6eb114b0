// What mod_scorm's player derives when a SCO finishes (moodle-scorm-contract §1.3, golden data), done on the
// LMS side so that every bridge gets it: 1.2 "not attempted" -> "completed", mastery override, total_time =
// total at launch + session_time; 2004 total_time likewise and completion_status from progress_measure.
// Divergences from native, on purpose: time is added correctly (native reads a 1-digit fraction as
// centiseconds), and a zero 2004 total is "PT0S" (native writes the invalid "P").
import type { ScormVersion } from "../../bridge/protocol/messages.ts";
import {
  formatTimeinterval,
  formatTimespan,
  parseTimeinterval,
  parseTimespan,
} from "../../bridge/mapping/durations.ts";

export interface FinishInput {
  version: ScormVersion;
  /** Stored values of the SCO in this attempt, SCORM element names. */
  stored: ReadonlyMap<string, string>;
  /** total_time the runtime started this launch with ("" when it started from zero). */
  seedTotalTime: string;
  /** The last session_time the SCO set in this launch ("" if none). */
  sessionTime: string;
  masteryOverride: boolean;
  scoData: Readonly<Record<string, string>>;
}

const safe = <T>(parse: (v: string) => T, value: string, fallback: T): T => {
  try {
    return value ? parse(value) : fallback;
  } catch {
    return fallback;
  }
};

/** mod_scorm stores 1.2 times as HH:MM:SS.CC, always with the fraction. */
export function formatStoredTimespan(cs: number): string {
  const text = formatTimespan(cs);
  return text.includes(".") ? text : `${text}.00`;
}

/** The values to store when the SCO finishes, SCORM element names. */
export function finishValues(input: FinishInput): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (input.version === "1.2") {
    let status = input.stored.get("cmi.core.lesson_status") ?? "not attempted";
    if (status === "not attempted") status = "completed";
    const mastery = Number(input.scoData.masteryscore);
    const raw = input.stored.get("cmi.core.score.raw");
    if (
      input.masteryOverride &&
      input.scoData.masteryscore &&
      raw !== undefined &&
      raw !== "" &&
      Number.isFinite(mastery)
    ) {
      status = Number(raw) >= mastery ? "passed" : "failed";
    }
    if (status !== input.stored.get("cmi.core.lesson_status")) out.push(["cmi.core.lesson_status", status]);
    const total = safe(parseTimespan, input.seedTotalTime, 0) + safe(parseTimespan, input.sessionTime, 0);
    out.push(["cmi.core.total_time", formatStoredTimespan(total)]);
    return out;
  }
  const total =
    safe(parseTimeinterval, input.seedTotalTime, 0) + safe(parseTimeinterval, input.sessionTime, 0);
  out.push(["cmi.total_time", formatTimeinterval(total)]);
  // Moodle keeps adlcp:completionThreshold@minProgressMeasure in scorm_scoes_data as "threshold".
  const thresholdText = input.scoData.threshold || input.scoData.completionthreshold;
  const threshold = Number(thresholdText);
  const progress = input.stored.get("cmi.progress_measure");
  if (thresholdText && progress !== undefined && progress !== "" && Number.isFinite(threshold)) {
    const completion = Number(progress) >= threshold ? "completed" : "incomplete";
    if (completion !== input.stored.get("cmi.completion_status"))
      out.push(["cmi.completion_status", completion]);
  }
  return out;
}
