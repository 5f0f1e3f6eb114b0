// Mutant: every retry waits only the schedule's first delay, so there is no backoff (breaks P09's schedule).
import { retryDelay as referenceRetryDelay } from "../../../bridge/lms/retry-schedule.ts";

export function retryDelay(
  _attempt: number,
  scheduleMs: readonly number[],
  jitter: number,
  random: () => number = Math.random,
): number {
  return referenceRetryDelay(0, [Math.min(...scheduleMs) / 4], jitter, random);
}
