// Generates what a SCO sets during one session: valid data-model writes for SCORM 1.2 or 2004 (core
// values, interactions and objectives in a legal order, some elements written more than once), and how the
// session ends.
import fc from "fast-check";
import { printableText } from "./text-arbitrary.ts";
import type { DeclaredVersion } from "./manifest-arbitrary.ts";

export type Write = [element: string, value: string];
export type Ending = "commit" | "terminate" | "commit-then-terminate";

export interface TrackingScript {
  version: DeclaredVersion;
  writes: Write[];
  ending: Ending;
}

const text = (max: number) => printableText(0, max);
const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
const decimal = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) => String(n / 100));
const HHMMSS = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m, s]) => [h, m, s].map((n) => String(n).padStart(2, "0")).join(":"));

function coreWrites(version: DeclaredVersion): fc.Arbitrary<Write>[] {
  if (version === "1.2") {
    return [
      text(255).map((v): Write => ["cmi.core.lesson_location", v]),
      fc
        .constantFrom("passed", "completed", "failed", "incomplete", "browsed")
        .map((v): Write => ["cmi.core.lesson_status", v]),
      decimal(0, 100).map((v): Write => ["cmi.core.score.raw", v]),
      decimal(0, 100).map((v): Write => ["cmi.core.score.min", v]),
      decimal(0, 100).map((v): Write => ["cmi.core.score.max", v]),
      fc.constantFrom("time-out", "suspend", "logout", "").map((v): Write => ["cmi.core.exit", v]),
      text(255).map((v): Write => ["cmi.suspend_data", v]),
      HHMMSS.map((v): Write => ["cmi.core.session_time", v]),
      fc.integer({ min: -1, max: 100 }).map((v): Write => ["cmi.student_preference.audio", String(v)]),
    ];
  }
  return [
    text(1000).map((v): Write => ["cmi.location", v]),
    fc
      .constantFrom("completed", "incomplete", "not attempted", "unknown")
      .map((v): Write => ["cmi.completion_status", v]),
    fc.constantFrom("passed", "failed", "unknown").map((v): Write => ["cmi.success_status", v]),
    decimal(-1, 1).map((v): Write => ["cmi.score.scaled", v]),
    decimal(0, 100).map((v): Write => ["cmi.score.raw", v]),
    decimal(0, 1).map((v): Write => ["cmi.progress_measure", v]),
    fc.constantFrom("time-out", "suspend", "logout", "normal", "").map((v): Write => ["cmi.exit", v]),
    text(255).map((v): Write => ["cmi.suspend_data", v]),
    decimal(0, 100).map((v): Write => ["cmi.learner_preference.audio_level", v]),
  ];
}

function interactionWrites(version: DeclaredVersion, index: number): fc.Arbitrary<Write[]> {
  const base = `cmi.interactions.${index}`;
  const result =
    version === "1.2"
      ? fc.constantFrom("correct", "wrong", "unanticipated", "neutral")
      : fc.constantFrom("correct", "incorrect", "unanticipated", "neutral");
  const response = version === "1.2" ? "student_response" : "learner_response";
  return fc
    .record({ id: word, response: word, result, weighting: decimal(0, 10), withResponse: fc.boolean() })
    .map(({ id, response: r, result: res, weighting, withResponse }) => {
      const writes: Write[] = [
        [`${base}.id`, id],
        [`${base}.type`, "fill-in"],
        [`${base}.weighting`, weighting],
        [`${base}.result`, res],
      ];
      if (withResponse) writes.push([`${base}.${response}`, r]);
      return writes;
    });
}

function objectiveWrites(version: DeclaredVersion, index: number): fc.Arbitrary<Write[]> {
  const base = `cmi.objectives.${index}`;
  return fc.record({ id: word, raw: decimal(0, 100) }).map(({ id, raw }) => {
    const writes: Write[] = [
      [`${base}.id`, id],
      [`${base}.score.raw`, raw],
    ];
    writes.push(version === "1.2" ? [`${base}.status`, "incomplete"] : [`${base}.success_status`, "passed"]);
    return writes;
  });
}

export function trackingScriptArbitrary(): fc.Arbitrary<TrackingScript> {
  return fc.constantFrom<DeclaredVersion>("1.2", "2004").chain((version) =>
    fc
      .record({
        core: fc.array(fc.oneof(...coreWrites(version)), { minLength: 1, maxLength: 12 }),
        interactions: fc
          .integer({ min: 0, max: 3 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => interactionWrites(version, i)))),
        objectives: fc
          .integer({ min: 0, max: 2 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => objectiveWrites(version, i)))),
        ending: fc.constantFrom<Ending>("commit", "terminate", "commit-then-terminate"),
      })
      .map(({ core, interactions, objectives, ending }) => ({
        version,
        writes: [...core, ...interactions.flat(), ...objectives.flat()],
        ending,
      })),
  );
}
