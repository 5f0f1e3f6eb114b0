// Generates the interaction and objective records a SCO writes in one session: every field of both records
// for SCORM 1.2 and 2004 (each optional but the id), values valid for the interaction's type, records written
// in collection order; plus scripts that fill both collections up to their limits (250 and 100).
import fc from "fast-check";
import type { DeclaredVersion } from "./manifest-arbitrary.ts";
import { printableText } from "./text-arbitrary.ts";
import type { Write } from "./tracking-arbitrary.ts";

export interface CaptureScript {
  version: DeclaredVersion;
  writes: Write[];
}

/** The largest collections mod_scorm's player and SCORM 2004 promise to keep. */
export const COLLECTION_LIMITS = { interactions: 250, objectives: 100 } as const;

const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,15}$/);
const decimal = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) => String(n / 100));
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
const time12 = fc.tuple(two(23), two(59), two(59)).map((p) => p.join(":"));
const timespan12 = fc
  .tuple(two(99), two(59), two(59), two(99))
  .map(([h, m, s, c]) => `00${h}:${m}:${s}.${c}`);
const timestamp2004 = fc
  .tuple(fc.integer({ min: 2000, max: 2037 }), two(11), two(27), two(23), two(59), two(59))
  .map(([y, mo, d, h, mi, s]) => {
    const month = String(Number(mo) + 1).padStart(2, "0");
    const day = String(Number(d) + 1).padStart(2, "0");
    return `${y}-${month}-${day}T${h}:${mi}:${s}`;
  });
const duration2004 = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 }))
  .map(([m, s]) => `PT${m}M${s}S`);

/** Per interaction type: a correct-response pattern and a learner response, spelled for the version. */
interface TypeValues {
  type: string;
  pattern: fc.Arbitrary<string>;
  response: fc.Arbitrary<string>;
}

const word = fc.stringMatching(/^[a-z]{1,10}$/);
const choiceList = (sep: string) =>
  fc.uniqueArray(fc.constantFrom("a", "b", "c", "d"), { minLength: 1, maxLength: 3 }).map((l) => l.join(sep));

const TYPES: Record<DeclaredVersion, TypeValues[]> = {
  "1.2": [
    { type: "true-false", pattern: fc.constantFrom("t", "f"), response: fc.constantFrom("t", "f") },
    { type: "choice", pattern: choiceList(","), response: choiceList(",") },
    { type: "fill-in", pattern: word, response: word },
    { type: "numeric", pattern: decimal(0, 100), response: decimal(0, 100) },
  ],
  "2004": [
    {
      type: "true-false",
      pattern: fc.constantFrom("true", "false"),
      response: fc.constantFrom("true", "false"),
    },
    { type: "choice", pattern: choiceList("[,]"), response: choiceList("[,]") },
    { type: "fill-in", pattern: word, response: word },
    {
      type: "numeric",
      pattern: fc.tuple(decimal(0, 50), decimal(50, 100)).map(([lo, hi]) => `${lo}[:]${hi}`),
      response: decimal(0, 100),
    },
    { type: "other", pattern: printableText(1, 40), response: printableText(1, 40) },
  ],
};

const RESULTS: Record<DeclaredVersion, string[]> = {
  "1.2": ["correct", "wrong", "unanticipated", "neutral"],
  "2004": ["correct", "incorrect", "unanticipated", "neutral"],
};

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function interactionRecord(version: DeclaredVersion, index: number): fc.Arbitrary<Write[]> {
  const base = `cmi.interactions.${index}`;
  const v12 = version === "1.2";
  return fc.constantFrom(...TYPES[version]).chain((t) =>
    fc
      .record({
        id: identifier,
        typed: fc.boolean(),
        objective: optional(identifier),
        time: optional(v12 ? time12 : timestamp2004),
        pattern: optional(t.pattern),
        weighting: optional(decimal(-10, 10)),
        response: optional(t.response),
        result: optional(fc.oneof(fc.constantFrom(...RESULTS[version]), decimal(0, 10))),
        latency: optional(v12 ? timespan12 : duration2004),
        description: optional(printableText(0, 60)),
      })
      .map((r) => {
        const writes: Write[] = [[`${base}.id`, r.id]];
        // A response or pattern needs the type first (2004: 408 otherwise).
        const typed = r.typed || r.pattern !== undefined || r.response !== undefined;
        if (typed) writes.push([`${base}.type`, t.type]);
        if (r.objective !== undefined) writes.push([`${base}.objectives.0.id`, r.objective]);
        if (r.time !== undefined) writes.push([`${base}.${v12 ? "time" : "timestamp"}`, r.time]);
        if (r.pattern !== undefined) writes.push([`${base}.correct_responses.0.pattern`, r.pattern]);
        if (r.weighting !== undefined) writes.push([`${base}.weighting`, r.weighting]);
        if (r.response !== undefined)
          writes.push([`${base}.${v12 ? "student_response" : "learner_response"}`, r.response]);
        if (r.result !== undefined) writes.push([`${base}.result`, r.result]);
        if (r.latency !== undefined) writes.push([`${base}.latency`, r.latency]);
        if (!v12 && r.description !== undefined) writes.push([`${base}.description`, r.description]);
        return writes;
      }),
  );
}

const STATUS_12 = ["passed", "completed", "failed", "incomplete", "browsed", "not attempted"];

function objectiveRecord(version: DeclaredVersion, index: number): fc.Arbitrary<Write[]> {
  const base = `cmi.objectives.${index}`;
  return fc
    .record({
      id: identifier,
      scaled: optional(decimal(-1, 1)),
      raw: optional(decimal(0, 100)),
      min: optional(decimal(0, 10)),
      max: optional(decimal(90, 100)),
      status: optional(fc.constantFrom(...STATUS_12)),
      success: optional(fc.constantFrom("passed", "failed", "unknown")),
      completion: optional(fc.constantFrom("completed", "incomplete", "not attempted", "unknown")),
      progress: optional(decimal(0, 1)),
      description: optional(printableText(0, 60)),
    })
    .map((r) => {
      const writes: Write[] = [[`${base}.id`, r.id]];
      const add = (field: string, value: string | undefined): void => {
        if (value !== undefined) writes.push([`${base}.${field}`, value]);
      };
      if (version === "2004") add("score.scaled", r.scaled);
      add("score.raw", r.raw);
      add("score.min", r.min);
      add("score.max", r.max);
      if (version === "1.2") add("status", r.status);
      else {
        add("success_status", r.success);
        add("completion_status", r.completion);
        add("progress_measure", r.progress);
        add("description", r.description);
      }
      return writes;
    });
}

function records(
  count: fc.Arbitrary<number>,
  record: (index: number) => fc.Arbitrary<Write[]>,
): fc.Arbitrary<Write[]> {
  return count.chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => record(i))).map((r) => r.flat()));
}

/** A few full records of each collection, every field optional. */
export function captureScriptArbitrary(): fc.Arbitrary<CaptureScript> {
  return fc.constantFrom<DeclaredVersion>("1.2", "2004").chain((version) =>
    fc
      .tuple(
        records(fc.integer({ min: 0, max: 5 }), (i) => interactionRecord(version, i)),
        records(fc.integer({ min: 0, max: 4 }), (i) => objectiveRecord(version, i)),
      )
      .map(([interactions, objectives]) => ({ version, writes: [...interactions, ...objectives] })),
  );
}

/** Both collections filled to their limits: ids everywhere, and full records in the last slots. */
export function collectionLimitScript(version: DeclaredVersion, seed = 1): CaptureScript {
  const writes: Write[] = [];
  const lastInteraction = COLLECTION_LIMITS.interactions - 1;
  const lastObjective = COLLECTION_LIMITS.objectives - 1;
  for (let i = 0; i < lastInteraction; i++) writes.push([`cmi.interactions.${i}.id`, `q${i}`]);
  writes.push(...fc.sample(interactionRecord(version, lastInteraction), { numRuns: 1, seed })[0]!);
  for (let i = 0; i < lastObjective; i++) writes.push([`cmi.objectives.${i}.id`, `obj${i}`]);
  writes.push(...fc.sample(objectiveRecord(version, lastObjective), { numRuns: 1, seed })[0]!);
  return { version, writes };
}
