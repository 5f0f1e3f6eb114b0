// Maps 1.2 lesson_status <-> the 2004 pair (completion_status, success_status), for the SCO and for objectives.
//
//   1.2 -> 2004                              2004 -> 1.2 (success first, then completion)
//   passed        -> completed + passed        any + passed      -> passed   (completion dropped unless completed)
//   failed        -> completed + failed        any + failed      -> failed   (completion dropped unless completed)
//   completed     -> completed + unknown       completed + unknown      -> completed
//   incomplete    -> incomplete + unknown      incomplete + unknown     -> incomplete
//   browsed       -> incomplete + unknown  *   not attempted + unknown  -> not attempted
//   not attempted -> not attempted + unknown   unknown + unknown        -> not attempted *
//
// Lossless both ways except the rows marked * and a passed/failed beside a completion other than completed
// (LOSS.statusBrowsed, LOSS.statusUnknown, LOSS.statusCompletionDropped). 1.2 failed is read as "finished
// and failed", hence completed + failed.
import { MappingError, quote } from "./errors.ts";
import { LOSS } from "./losses.ts";
import { lossless, lossy, type Converted } from "./types.ts";

export const LESSON_STATUS_12 = [
  "passed",
  "completed",
  "failed",
  "incomplete",
  "browsed",
  "not attempted",
] as const;
export const COMPLETION_STATUS_2004 = ["completed", "incomplete", "not attempted", "unknown"] as const;
export const SUCCESS_STATUS_2004 = ["passed", "failed", "unknown"] as const;

export type LessonStatus12 = (typeof LESSON_STATUS_12)[number];
export type CompletionStatus2004 = (typeof COMPLETION_STATUS_2004)[number];
export type SuccessStatus2004 = (typeof SUCCESS_STATUS_2004)[number];

export interface Status2004 {
  completion: CompletionStatus2004;
  success: SuccessStatus2004;
}

function member<T extends string>(list: readonly T[], value: string, what: string): T {
  const found = list.find((v) => v === value);
  if (found === undefined) throw new MappingError(`${quote(value)} is not a ${what} (${list.join(", ")})`);
  return found;
}

export function parseLessonStatus12(value: string): LessonStatus12 {
  return member(LESSON_STATUS_12, value, "SCORM 1.2 lesson_status");
}

export function parseCompletionStatus2004(value: string): CompletionStatus2004 {
  return member(COMPLETION_STATUS_2004, value, "SCORM 2004 completion_status");
}

export function parseSuccessStatus2004(value: string): SuccessStatus2004 {
  return member(SUCCESS_STATUS_2004, value, "SCORM 2004 success_status");
}

const TO_2004: Record<LessonStatus12, Status2004> = {
  passed: { completion: "completed", success: "passed" },
  failed: { completion: "completed", success: "failed" },
  completed: { completion: "completed", success: "unknown" },
  incomplete: { completion: "incomplete", success: "unknown" },
  browsed: { completion: "incomplete", success: "unknown" },
  "not attempted": { completion: "not attempted", success: "unknown" },
};

/** 1.2 lesson_status -> 2004 (completion_status, success_status). Lossy only for browsed. */
export function status12To2004(status: string): Converted<Status2004> {
  const s = parseLessonStatus12(status);
  const value = { ...TO_2004[s] };
  return s === "browsed" ? lossy(value, LOSS.statusBrowsed) : lossless(value);
}

/** 2004 (completion_status, success_status) -> 1.2 lesson_status; an absent 2004 status is passed as "unknown". */
export function status2004To12(completion: string, success: string): Converted<LessonStatus12> {
  const c = parseCompletionStatus2004(completion);
  const s = parseSuccessStatus2004(success);
  if (s !== "unknown") return c === "completed" ? lossless(s) : lossy(s, LOSS.statusCompletionDropped);
  if (c === "unknown") return lossy("not attempted", LOSS.statusUnknown);
  return lossless(c);
}
