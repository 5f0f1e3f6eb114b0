// What mod_scorm keeps of a learner's commits over time and attempts (P10), stated from the contract
// (moodle-scorm-contract §2.3, §5.2) and the golden logs of Moodle 4.5.6, not from the twin: per attempt each element
// holds the last value committed in that attempt; every score.raw write logs scoreraw_submitted and every status
// write of completed, passed or failed logs status_submitted, in submission order.
import { storedElementName } from "../properties/stored-element-name.ts";

export type Version = "1.2" | "2004";

/** One Commit: the SetValue calls before it, in order, SCORM element names. */
export interface CommitBatch {
  attempt: number;
  writes: Array<[element: string, value: string]>;
}

export interface ExpectedSubmission {
  attempt: number;
  eventname: "\\mod_scorm\\event\\scoreraw_submitted" | "\\mod_scorm\\event\\status_submitted";
  cmielement: string;
  cmivalue: string;
}

const SCORE_RAW = new Set(["cmi.core.score.raw", "cmi.score.raw"]);
const STATUS = new Set(["cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"]);
const LOGGED_STATUS = new Set(["completed", "passed", "failed"]);

/** attempt -> stored element name -> last committed value. */
export function lastCommitted(
  version: Version,
  batches: readonly CommitBatch[],
): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  for (const batch of batches) {
    const values = out.get(batch.attempt) ?? new Map<string, string>();
    for (const [element, value] of batch.writes) values.set(storedElementName(version, element), value);
    out.set(batch.attempt, values);
  }
  return out;
}

export function expectedSubmissions(version: Version, batches: readonly CommitBatch[]): ExpectedSubmission[] {
  const out: ExpectedSubmission[] = [];
  for (const batch of batches) {
    for (const [element, value] of batch.writes) {
      const cmielement = storedElementName(version, element);
      if (SCORE_RAW.has(cmielement))
        out.push({
          attempt: batch.attempt,
          eventname: "\\mod_scorm\\event\\scoreraw_submitted",
          cmielement,
          cmivalue: value,
        });
      else if (STATUS.has(cmielement) && LOGGED_STATUS.has(value))
        out.push({
          attempt: batch.attempt,
          eventname: "\\mod_scorm\\event\\status_submitted",
          cmielement,
          cmivalue: value,
        });
    }
  }
  return out;
}
