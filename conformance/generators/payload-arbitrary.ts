// Generates payloads that must cross frame -> LMS page -> LMS API -> database unchanged: any Unicode (astral
// characters, the code points around the surrogate range, BOM, no-break and line separators, combining marks),
// empty strings, padding a trimmer would eat, numbers spelled as strings, and long values up to each
// element's limit (counted in UTF-16 units, as the runtime counts). Also malformed ops for the LMS API.
import fc from "fast-check";
import type { DeclaredVersion } from "./manifest-arbitrary.ts";
import type { Write } from "./tracking-arbitrary.ts";

/** Characters that serializers, normalisers and trimmers are known to change. */
export const EDGE_TEXT = [
  "\u{10000}",
  "\u{10FFFF}",
  "\u{1F600}",
  "\uD7FF",
  "\uE000",
  "\uFFFD",
  "\uFFFF",
  "\uFEFF",
  "\u00A0",
  "\u2028",
  "\u2029",
  "e\u0301",
  "\u212B",
  "\t",
  "\n",
  "\r\n",
  " ",
  '"',
  "\\",
  "</script>",
  "&amp;",
  "%41",
  "+",
];

/** Numbers written as strings: each must stay as spelled, never become a number and back. */
export const NUMBER_SPELLINGS = ["007", "0.10", "1.0", "1e3", "-0", "1.50", "100.000", "NaN", "0x1F", " 1"];

/** Character strings per version: element and its smallest permitted maximum (UTF-16 units). */
const TEXT_ELEMENTS: Record<DeclaredVersion, Array<[string, number]>> = {
  "1.2": [
    ["cmi.suspend_data", 4_096],
    ["cmi.core.lesson_location", 255],
    ["cmi.comments", 4_096],
  ],
  "2004": [
    ["cmi.suspend_data", 64_000],
    ["cmi.location", 1_000],
    ["cmi.comments_from_learner.0.comment", 4_000],
  ],
};

/** Decimal elements and spellings of numbers they accept, which must be stored as spelled. */
const DECIMAL_ELEMENTS: Record<DeclaredVersion, string> = {
  "1.2": "cmi.core.score.raw",
  "2004": "cmi.score.raw",
};
const DECIMAL_SPELLINGS = ["007", "0.10", "1.0", "1.50", "100.000", "-0", "00.5"];

/** Cuts a string to at most `units` UTF-16 units without splitting a surrogate pair. */
export function cutToUnits(s: string, units: number): string {
  if (s.length <= units) return s;
  const cut = s.slice(0, units);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBER_SPELLINGS) },
);

/** Any text up to `max` units: short mixes of edge cases, or a mix repeated out to a long value. */
function textUpTo(max: number): fc.Arbitrary<string> {
  const short = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));
  const long = fc
    .tuple(short, fc.integer({ min: Math.floor(max / 2), max }))
    .map(([unit, length]) =>
      cutToUnits((unit || "x").repeat(Math.ceil(length / Math.max(1, unit.length))), length),
    );
  return fc
    .oneof({ weight: 4, arbitrary: short }, { weight: 1, arbitrary: long })
    .map((s) => cutToUnits(s, max));
}

/**
 * A 2004 comment must not start with a language tag, which the runtime would parse, nor hold a line terminator:
 * scorm-again checks localized strings with a pattern whose `.` stops at \n, \r, U+2028 and U+2029, so it refuses
 * such a comment with 406 although SCORM's characterstring allows it (a known scorm-again defect, not a bridge
 * one; P04 is about carrying what the runtime accepts).
 */
const asComment = (s: string): string => {
  const oneLine = s.replace(/[\n\r\u2028\u2029]/g, " ");
  return oneLine.startsWith("{") ? ` ${oneLine}` : oneLine;
};

export interface PayloadScript {
  version: DeclaredVersion;
  writes: Write[];
}

export function payloadScriptArbitrary(): fc.Arbitrary<PayloadScript> {
  return fc.constantFrom<DeclaredVersion>("1.2", "2004").chain((version) =>
    fc
      .tuple(
        ...TEXT_ELEMENTS[version].map(([element, max]) =>
          textUpTo(max).map((v): Write => [element, element.endsWith(".comment") ? asComment(v) : v]),
        ),
        fc.constantFrom(...DECIMAL_SPELLINGS).map((v): Write => [DECIMAL_ELEMENTS[version], v]),
      )
      .map((writes) => ({ version, writes })),
  );
}

/** Fixed examples: the limits exactly, empty strings, and everything a trimmer or normaliser would change. */
export function payloadExamples(): PayloadScript[] {
  const edges = EDGE_TEXT.join("");
  return (["1.2", "2004"] as const).map((version) => ({
    version,
    writes: [
      ...TEXT_ELEMENTS[version].map(([element, max], i): Write => {
        if (i === 0) return [element, cutToUnits(` ${edges} `.repeat(Math.ceil(max / edges.length)), max)];
        if (i === 1) return [element, ""];
        return [element, ` ${NUMBER_SPELLINGS.join("|")} e\u0301 `];
      }),
      [DECIMAL_ELEMENTS[version], "0.10"],
    ],
  }));
}

/** An op the LMS API must refuse, with what makes it malformed. */
export const MALFORMED_OPS: Array<{ why: string; op: unknown }> = [
  { why: "value is a number", op: { seq: 3, element: "cmi.suspend_data", value: 42 } },
  { why: "value missing", op: { seq: 3, element: "cmi.suspend_data" } },
  { why: "value null", op: { seq: 3, element: "cmi.suspend_data", value: null } },
  { why: "value over 65,536 units", op: { seq: 3, element: "cmi.suspend_data", value: "x".repeat(65_537) } },
  { why: "seq is a string", op: { seq: "3", element: "cmi.suspend_data", value: "v" } },
  { why: "seq negative", op: { seq: -1, element: "cmi.suspend_data", value: "v" } },
  { why: "seq fractional", op: { seq: 2.5, element: "cmi.suspend_data", value: "v" } },
  { why: "element outside the data model", op: { seq: 3, element: "evil.element", value: "v" } },
  { why: "element with a space", op: { seq: 3, element: "cmi.suspend data", value: "v" } },
  { why: "op is an array", op: [3, "cmi.suspend_data", "v"] },
  { why: "op is a string", op: "cmi.suspend_data=v" },
  { why: "op is null", op: null },
];

export interface MalformedBatch {
  valid: Write[];
  malformed: { why: string; op: unknown };
  /** Where the malformed op goes among the valid ones. */
  position: number;
}

export function malformedBatchArbitrary(version: DeclaredVersion): fc.Arbitrary<MalformedBatch> {
  const [element] = TEXT_ELEMENTS[version][1]!;
  return fc
    .record({
      valid: fc.array(
        textUpTo(200).map((v): Write => [element, v]),
        { minLength: 1, maxLength: 4 },
      ),
      malformed: fc.constantFrom(...MALFORMED_OPS),
      position: fc.nat(),
    })
    .map((b) => ({ ...b, position: b.position % (b.valid.length + 1) }));
}
