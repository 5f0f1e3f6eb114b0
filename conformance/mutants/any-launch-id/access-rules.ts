// Mutant (server side): a commit may use any existing launch id, whoever it was issued to — a learner can write
// into another learner's attempt and a teacher into a learner's (breaks P23).
export * from "../../../moodle-stack/twin/access-rules.ts";
import { LmsApiError } from "../../../moodle-stack/twin/api-error.ts";

export function requireOwnLaunch<T extends { userid: number }>(launch: T | undefined, _userid: number): T {
  if (!launch) throw new LmsApiError("invalidlaunch", "Unknown launch");
  return launch;
}
