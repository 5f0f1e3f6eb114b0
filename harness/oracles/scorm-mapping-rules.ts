// The suite's own statement of the SCORM 1.2 <-> 2004 correspondence for the elements its generators write:
// which element answers which, how their values must relate, and where information may be lost. Written from
// the SCORM 1.2 RTE and 2004 4th edition RTE data model chapters, independently of any bridge.
import { sameDuration, sameReal } from "./scorm-value-compare.ts";

export type Version = "1.2" | "2004";
type Relation = (from: string, to: string) => boolean;

const identical: Relation = (a, b) => a === b;
const RESULT: Record<string, string> = { wrong: "incorrect", incorrect: "wrong" };

/** [1.2 name, 2004 name, how the two values relate]; `n` stands for a collection index. */
const COUNTERPARTS: Array<[string, string, Relation]> = [
  ["cmi.core.score.raw", "cmi.score.raw", sameReal],
  ["cmi.core.score.min", "cmi.score.min", sameReal],
  ["cmi.core.score.max", "cmi.score.max", sameReal],
  ["cmi.core.session_time", "cmi.session_time", sameDuration],
  ["cmi.core.lesson_location", "cmi.location", identical],
  ["cmi.core.exit", "cmi.exit", identical],
  ["cmi.suspend_data", "cmi.suspend_data", identical],
  ["cmi.interactions.n.id", "cmi.interactions.n.id", identical],
  ["cmi.interactions.n.type", "cmi.interactions.n.type", identical],
  [
    "cmi.interactions.n.result",
    "cmi.interactions.n.result",
    (a, b) => (RESULT[a] ?? a) === b || sameReal(a, b),
  ],
  ["cmi.interactions.n.latency", "cmi.interactions.n.latency", sameDuration],
];

export interface Counterpart {
  element: string;
  related: Relation;
}

/** The element of the other version that carries this one's value (status is handled by statusCounterpart). */
export function counterpart(from: Version, element: string): Counterpart | null {
  const index = /\.(\d+)\./.exec(element)?.[1];
  const generic = element.replace(/\.\d+\./, ".n.");
  for (const [v12, v2004, related] of COUNTERPARTS) {
    const [source, target] = from === "1.2" ? [v12, v2004] : [v2004, v12];
    if (source !== generic) continue;
    return { element: index === undefined ? target : target.replace(".n.", `.${index}.`), related };
  }
  return null;
}

export const STATUS_ELEMENTS = {
  "1.2": ["cmi.core.lesson_status"],
  "2004": ["cmi.completion_status", "cmi.success_status"],
} as const;

/** 1.2 lesson_status as 2004 (completion, success); browsed has no counterpart. */
export function status12To2004(status: string): [string, string] | null {
  if (status === "passed" || status === "failed") return ["completed", status];
  if (status === "completed" || status === "incomplete" || status === "not attempted")
    return [status, "unknown"];
  return null;
}

/**
 * 2004 (completion, success) as 1.2 lesson_status; null when the pair has no 1.2 value without loss. 1.2 passed
 * and failed imply completed, so a passed/failed success with another completion status loses that status; an
 * absent one loses nothing.
 */
export function status2004To12(completion: string | undefined, success: string | undefined): string | null {
  if (success === "passed" || success === "failed")
    return completion === undefined || completion === "completed" ? success : null;
  return completion === undefined || completion === "unknown" ? null : completion;
}

/** Whether mapping this element (with the record it belongs to) may lose information, per the SCORM data models. */
export function mayLose(from: Version, element: string, value: string, record: Map<string, string>): boolean {
  if (from === "1.2") {
    if (element === "cmi.core.lesson_status") return value === "browsed";
    // 2004's scaled score lies in [-1, 1]: a raw score outside [min, max] cannot be expressed exactly.
    const [min, max] = [record.get("cmi.core.score.min"), record.get("cmi.core.score.max")].map(Number);
    return element === "cmi.core.score.raw" && (Number(value) < min! || Number(value) > max!);
  }
  if (element === "cmi.completion_status" || element === "cmi.success_status")
    return status2004To12(record.get("cmi.completion_status"), record.get("cmi.success_status")) === null;
  if (/^cmi\.score\.(raw|min|max)$/.test(element)) return Number(value) < 0 || Number(value) > 100;
  if (element === "cmi.score.scaled") return true;
  if (element === "cmi.exit") return value === "normal";
  if (/^cmi\.interactions\.\d+\.type$/.test(element)) return value === "long-fill-in" || value === "other";
  return false;
}
