// Generates a learner's history for P10: one to three attempts, each of one or two player sessions, each of one or
// two commits of distinct core elements (scores, statuses, location, suspend_data). Every write changes the value
// the attempt holds, and every attempt but the last ends with a final status so that a new attempt may start.
import fc from "fast-check";
import { printableText } from "./text-arbitrary.ts";

export type HistoryWrite = [element: string, value: string];

export interface TrackingHistory {
  version: "1.2" | "2004";
  /** attempts -> sessions -> commits -> writes */
  attempts: HistoryWrite[][][][];
}

const score = fc.integer({ min: 0, max: 100 }).map(String);

function writeArbitrary(version: "1.2" | "2004"): fc.Arbitrary<HistoryWrite> {
  if (version === "1.2")
    return fc.oneof(
      printableText(0, 60).map((v): HistoryWrite => ["cmi.core.lesson_location", v]),
      fc
        .constantFrom("passed", "completed", "failed", "incomplete", "browsed")
        .map((v): HistoryWrite => ["cmi.core.lesson_status", v]),
      score.map((v): HistoryWrite => ["cmi.core.score.raw", v]),
      score.map((v): HistoryWrite => ["cmi.core.score.max", v]),
      printableText(0, 200).map((v): HistoryWrite => ["cmi.suspend_data", v]),
    );
  return fc.oneof(
    printableText(0, 60).map((v): HistoryWrite => ["cmi.location", v]),
    fc.constantFrom("completed", "incomplete").map((v): HistoryWrite => ["cmi.completion_status", v]),
    fc.constantFrom("passed", "failed", "unknown").map((v): HistoryWrite => ["cmi.success_status", v]),
    score.map((v): HistoryWrite => ["cmi.score.raw", v]),
    printableText(0, 200).map((v): HistoryWrite => ["cmi.suspend_data", v]),
  );
}

const FINAL: Record<"1.2" | "2004", fc.Arbitrary<HistoryWrite>> = {
  "1.2": fc
    .constantFrom("passed", "completed", "failed")
    .map((v): HistoryWrite => ["cmi.core.lesson_status", v]),
  "2004": fc.constant<HistoryWrite>(["cmi.completion_status", "completed"]),
};

/** Keeps one write per element in a commit and drops writes that would not change what the attempt holds. */
function normalise(history: TrackingHistory): TrackingHistory {
  const attempts = history.attempts.map((sessions) => {
    const held = new Map<string, string>();
    return sessions.map((commits) =>
      commits.map((writes) => {
        const distinct = new Map<string, string>();
        for (const [element, value] of writes) distinct.set(element, value);
        const kept = [...distinct].filter(([element, value]) => held.get(element) !== value);
        for (const [element, value] of kept) held.set(element, value);
        return kept;
      }),
    );
  });
  return { ...history, attempts };
}

export function trackingHistoryArbitrary(): fc.Arbitrary<TrackingHistory> {
  return fc
    .constantFrom("1.2" as const, "2004" as const)
    .chain((version) => {
      const commit = fc.array(writeArbitrary(version), { minLength: 1, maxLength: 4 });
      const session = fc.array(commit, { minLength: 1, maxLength: 2 });
      const attempt = fc.tuple(fc.array(session, { minLength: 1, maxLength: 2 }), FINAL[version]);
      return fc.array(attempt, { minLength: 1, maxLength: 3 }).map((list) => ({
        version,
        attempts: list.map(([sessions, final], i) => {
          if (i === list.length - 1) return sessions;
          const last = sessions.at(-1)!;
          return [...sessions.slice(0, -1), [...last.slice(0, -1), [...last.at(-1)!, final]]];
        }),
      }));
    })
    .map(normalise);
}
