// Generated final states of one SCO session, valid for their SCORM version: statuses, scores, times, location,
// exit and interactions (id, type, result, latency). Input for the data model mapping property (P12).
import fc from "fast-check";

export type SessionVersion = "1.2" | "2004";

export interface SessionRecord {
  version: SessionVersion;
  pairs: Array<[string, string]>;
}

const decimal = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) => String(n / 100));

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** CMITimespan with a centisecond fraction about half of the time. */
const timespan = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
  .chain(([h, m, s]) =>
    fc
      .option(fc.integer({ min: 1, max: 99 }), { nil: undefined })
      .map((cs) => `${pad(h, h > 99 ? 4 : 2)}:${pad(m)}:${pad(s)}${cs === undefined ? "" : `.${pad(cs)}`}`),
  );

/** timeinterval with days, hours, minutes and seconds (never Y or M, whose length the specs leave open). */
const interval = fc
  .tuple(
    fc.integer({ min: 0, max: 400 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 5999 }),
  )
  .map(([d, h, m, cs]) => {
    const time = `${h ? `${h}H` : ""}${m ? `${m}M` : ""}${cs ? `${cs / 100}S` : ""}`;
    const written = `P${d ? `${d}D` : ""}${time ? `T${time}` : ""}`;
    return written === "P" ? "PT0S" : written;
  });

const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,20}$/);
const text = fc.string({ maxLength: 200 }).filter((s) => !s.includes("{"));

function optional<T>(arb: fc.Arbitrary<T>, toPairs: (v: T) => Array<[string, string]>) {
  return fc.option(arb, { nil: undefined }).map((v) => (v === undefined ? [] : toPairs(v)));
}

function interactions(version: SessionVersion) {
  const types =
    version === "1.2"
      ? ["true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"]
      : [
          "true-false",
          "choice",
          "fill-in",
          "long-fill-in",
          "matching",
          "performance",
          "sequencing",
          "likert",
          "numeric",
          "other",
        ];
  const results =
    version === "1.2"
      ? ["correct", "wrong", "unanticipated", "neutral"]
      : ["correct", "incorrect", "unanticipated", "neutral"];
  const one = fc.record({
    id: identifier,
    type: fc.constantFrom(...types),
    result: fc.oneof(fc.constantFrom(...results), decimal(-10, 10)),
    latency: version === "1.2" ? timespan : interval,
  });
  return fc.array(one, { maxLength: 4 }).map((list) =>
    list.flatMap((x, n): Array<[string, string]> => [
      [`cmi.interactions.${n}.id`, x.id],
      [`cmi.interactions.${n}.type`, x.type],
      [`cmi.interactions.${n}.result`, x.result],
      [`cmi.interactions.${n}.latency`, x.latency],
    ]),
  );
}

const score = (prefix: string, range: [number, number], scaled: boolean) =>
  fc
    .record({
      raw: fc.option(decimal(...range), { nil: undefined }),
      min: fc.option(decimal(range[0], range[0] + 20), { nil: undefined }),
      max: fc.option(decimal(range[1] - 20, range[1]), { nil: undefined }),
      scaled: scaled ? fc.option(decimal(-1, 1), { nil: undefined }) : fc.constant(undefined),
    })
    .map((s) =>
      (["raw", "min", "max", "scaled"] as const).flatMap((k): Array<[string, string]> =>
        s[k] === undefined ? [] : [[`${prefix}.${k}`, s[k]]],
      ),
    );

const record12: fc.Arbitrary<SessionRecord> = fc
  .tuple(
    optional(
      fc.constantFrom("passed", "failed", "completed", "incomplete", "browsed", "not attempted"),
      (v) => [["cmi.core.lesson_status", v]],
    ),
    score("cmi.core.score", [0, 100], false),
    optional(timespan, (v) => [["cmi.core.session_time", v]]),
    optional(
      text.map((t) => t.slice(0, 255)),
      (v) => [["cmi.core.lesson_location", v]],
    ),
    optional(fc.constantFrom("time-out", "suspend", "logout", ""), (v) => [["cmi.core.exit", v]]),
    optional(text, (v) => [["cmi.suspend_data", v]]),
    interactions("1.2"),
  )
  .map((parts) => ({ version: "1.2", pairs: parts.flat() }));

const record2004: fc.Arbitrary<SessionRecord> = fc
  .tuple(
    optional(fc.constantFrom("completed", "incomplete", "not attempted", "unknown"), (v) => [
      ["cmi.completion_status", v],
    ]),
    optional(fc.constantFrom("passed", "failed", "unknown"), (v) => [["cmi.success_status", v]]),
    score("cmi.score", [-20, 120], true),
    optional(interval, (v) => [["cmi.session_time", v]]),
    optional(text, (v) => [["cmi.location", v]]),
    optional(fc.constantFrom("time-out", "suspend", "logout", "normal", ""), (v) => [["cmi.exit", v]]),
    optional(text, (v) => [["cmi.suspend_data", v]]),
    interactions("2004"),
  )
  .map((parts) => ({ version: "2004", pairs: parts.flat() }));

export function sessionRecordArbitrary(): fc.Arbitrary<SessionRecord> {
  return fc.oneof(record12, record2004);
}
