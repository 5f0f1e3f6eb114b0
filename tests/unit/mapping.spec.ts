// P12 data model mapping: fixed examples for every vocabulary value both ways, properties for round trips and
// record mapping, and MappingError on invalid input.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import {
  audio12To2004,
  audioLevel2004To12,
  counterpart12To2004,
  counterpart2004To12,
  deliverySpeed2004To12,
  exit12To2004,
  exit2004To12,
  formatTimeinterval,
  formatTimespan,
  formatTime12,
  identifier2004To12,
  interactionType12To2004,
  interactionType2004To12,
  language12To2004,
  language2004To12,
  LESSON_STATUS_12,
  LOSS,
  mapCaptioning,
  mapCredit,
  mapEntry,
  MappingError,
  mapMode,
  mapRecord,
  mapTimeLimitAction,
  masteryScore12To2004,
  MAX_TIMESPAN_CS,
  parseTimeinterval,
  parseTimespan,
  parseTime12,
  rawToScaled,
  rawToScaledClamped,
  response12To2004,
  response2004To12,
  result12To2004,
  result2004To12,
  scaledPassingScore2004To12,
  scaledToRaw,
  score12To2004,
  score2004To12,
  secondsToCentiseconds,
  shiftDecimal,
  speed12To2004,
  status12To2004,
  status2004To12,
  time12ToTimestamp2004,
  timeinterval2004To12,
  timespan12To2004,
  timestamp2004ToTime12,
  type MappedRecord,
  type Version,
} from "../../bridge/mapping/index.ts";
import { trackingScriptArbitrary } from "../../conformance/generators/tracking-arbitrary.ts";

const RUNS = { numRuns: 200 };
const RECORD_RUNS = { numRuns: 300 };
const DATE = "2024-03-15";
const ALL_LOSSES = new Set<string>(Object.values(LOSS));

function expectMappingError(fn: () => unknown, message: RegExp): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a MappingError matching ${message}`).toBeInstanceOf(MappingError);
  expect((caught as Error).message).toMatch(message);
}

// ---------------------------------------------------------------------------------------------------------
// status

test("status: every 1.2 lesson_status maps to its documented 2004 pair and back", () => {
  const table: [string, string, string, string | null, string][] = [
    ["passed", "completed", "passed", null, "passed"],
    ["failed", "completed", "failed", null, "failed"],
    ["completed", "completed", "unknown", null, "completed"],
    ["incomplete", "incomplete", "unknown", null, "incomplete"],
    ["browsed", "incomplete", "unknown", LOSS.statusBrowsed, "incomplete"],
    ["not attempted", "not attempted", "unknown", null, "not attempted"],
  ];
  for (const [s12, completion, success, loss, back] of table) {
    expect(status12To2004(s12), s12).toEqual({ value: { completion, success }, loss });
    expect(status2004To12(completion, success).value, s12).toBe(back);
  }
});

test("status: every 2004 (completion, success) pair maps to its documented 1.2 status", () => {
  const D = LOSS.statusCompletionDropped;
  const table: [string, string, string, string | null][] = [
    ["completed", "passed", "passed", null],
    ["completed", "failed", "failed", null],
    ["completed", "unknown", "completed", null],
    ["incomplete", "passed", "passed", D],
    ["incomplete", "failed", "failed", D],
    ["incomplete", "unknown", "incomplete", null],
    ["not attempted", "passed", "passed", D],
    ["not attempted", "failed", "failed", D],
    ["not attempted", "unknown", "not attempted", null],
    ["unknown", "passed", "passed", D],
    ["unknown", "failed", "failed", D],
    ["unknown", "unknown", "not attempted", LOSS.statusUnknown],
  ];
  for (const [completion, success, s12, loss] of table)
    expect(status2004To12(completion, success), `${completion}+${success}`).toEqual({ value: s12, loss });
});

test("status round trips are identities where lossless and the documented loss otherwise", () => {
  fc.assert(
    fc.property(fc.constantFrom(...LESSON_STATUS_12), (s) => {
      const there = status12To2004(s);
      const back = status2004To12(there.value.completion, there.value.success);
      expect(back.loss).toBeNull();
      if (there.loss === null) expect(back.value).toBe(s);
      else expect([s, there.loss, back.value]).toEqual(["browsed", LOSS.statusBrowsed, "incomplete"]);
    }),
  );
  fc.assert(
    fc.property(
      fc.constantFrom("completed", "incomplete", "not attempted", "unknown"),
      fc.constantFrom("passed", "failed", "unknown"),
      (completion, success) => {
        const there = status2004To12(completion, success);
        const back = status12To2004(there.value);
        expect(back.loss).toBeNull();
        if (there.loss === null) expect(back.value).toEqual({ completion, success });
        else if (there.loss === LOSS.statusCompletionDropped)
          expect(back.value).toEqual({ completion: "completed", success });
        else
          expect([completion, success, back.value.completion]).toEqual([
            "unknown",
            "unknown",
            "not attempted",
          ]);
      },
    ),
  );
});

// ---------------------------------------------------------------------------------------------------------
// vocabulary

test("exit maps every value both ways; 2004 normal becomes the 1.2 normal exit ''", () => {
  for (const v of ["time-out", "suspend", "logout", ""]) {
    expect(exit12To2004(v)).toBe(v);
    expect(exit2004To12(v)).toEqual({ value: v, loss: null });
  }
  expect(exit2004To12("normal")).toEqual({ value: "", loss: LOSS.exitNormal });
  expectMappingError(() => exit12To2004("normal"), /"normal" is not a SCORM 1\.2 cmi\.core\.exit/);
  expectMappingError(() => exit2004To12("quit"), /"quit" is not a SCORM 2004 cmi\.exit/);
});

test("entry, credit, mode and time_limit_action are the same vocabulary in both versions", () => {
  for (const v of ["ab-initio", "resume", ""]) expect(mapEntry(v)).toBe(v);
  for (const v of ["credit", "no-credit"]) expect(mapCredit(v)).toBe(v);
  for (const v of ["browse", "normal", "review"]) expect(mapMode(v)).toBe(v);
  for (const v of ["exit,message", "exit,no message", "continue,message", "continue,no message"])
    expect(mapTimeLimitAction(v)).toBe(v);
  expectMappingError(() => mapEntry("ab_initio"), /"ab_initio" is not a SCORM entry value/);
  expectMappingError(() => mapCredit("yes"), /"yes" is not a SCORM credit value/);
  expectMappingError(() => mapMode("Normal"), /"Normal" is not a SCORM lesson_mode\/mode value/);
  expectMappingError(() => mapTimeLimitAction("exit"), /"exit" is not a SCORM time_limit_action value/);
});

test("interaction types map both ways; long-fill-in and other are the documented losses", () => {
  const shared = [
    "true-false",
    "choice",
    "fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
  ];
  for (const t of shared) {
    expect(interactionType12To2004(t)).toBe(t);
    expect(interactionType2004To12(t)).toEqual({ value: t, loss: null });
  }
  expect(interactionType2004To12("long-fill-in")).toEqual({ value: "fill-in", loss: LOSS.typeLongFillIn });
  expect(interactionType2004To12("other")).toEqual({ value: null, loss: LOSS.typeOther });
  expectMappingError(() => interactionType12To2004("long-fill-in"), /not a SCORM 1\.2 interaction type/);
  expectMappingError(() => interactionType2004To12("essay"), /"essay" is not a SCORM 2004 interaction type/);
});

test("interaction results map both ways: wrong <-> incorrect, decimals stay the same number", () => {
  const pairs: [string, string][] = [
    ["correct", "correct"],
    ["wrong", "incorrect"],
    ["unanticipated", "unanticipated"],
    ["neutral", "neutral"],
    ["0.75", "0.75"],
    ["-2", "-2"],
    ["12.50", "12.5"],
  ];
  for (const [r12, r2004] of pairs) {
    expect(result12To2004(r12)).toBe(r2004);
    expect(result2004To12(r2004)).toBe(r12 === "12.50" ? "12.5" : r12);
  }
  expectMappingError(() => result12To2004("incorrect"), /"incorrect" is not a SCORM 1\.2 interaction result/);
  expectMappingError(() => result2004To12("wrong"), /"wrong" is not a SCORM 2004 interaction result/);
  expectMappingError(() => result2004To12("1e3"), /"1e3" is not a SCORM 2004 interaction result/);
});

test("learner preferences map where the scales correspond, the rest is the documented loss", () => {
  expect(audio12To2004("-1")).toEqual({ value: "0", loss: null });
  expect(audio12To2004("0")).toEqual({ value: "1", loss: null });
  expect(audio12To2004("50")).toEqual({ value: null, loss: LOSS.audioLevel });
  expect(audioLevel2004To12("0")).toEqual({ value: "-1", loss: null });
  expect(audioLevel2004To12("1.0")).toEqual({ value: "0", loss: null });
  expect(audioLevel2004To12("2.5")).toEqual({ value: null, loss: LOSS.audioLevel });
  expect(speed12To2004("0")).toEqual({ value: "1", loss: null });
  expect(speed12To2004("-40")).toEqual({ value: null, loss: LOSS.deliverySpeed });
  expect(deliverySpeed2004To12("1")).toEqual({ value: "0", loss: null });
  expect(deliverySpeed2004To12("0.5")).toEqual({ value: null, loss: LOSS.deliverySpeed });
  for (const v of ["-1", "0", "1"]) expect(mapCaptioning(v)).toBe(v);
  expect(language12To2004("fr-CA")).toEqual({ value: "fr-CA", loss: null });
  expect(language12To2004("")).toEqual({ value: "", loss: null });
  expect(language12To2004("Français")).toEqual({ value: null, loss: LOSS.language });
  expect(language2004To12("en-US")).toBe("en-US");
  expectMappingError(() => audio12To2004("101"), /audio: "101" is outside -1\.\.100/);
  expectMappingError(() => speed12To2004("1.5"), /speed: "1\.5" is not an integer/);
  expectMappingError(() => mapCaptioning("2"), /"2" is outside -1\.\.1/);
  expectMappingError(() => audioLevel2004To12("-1"), /audio_level: "-1" is negative/);
  expectMappingError(() => language2004To12("not a code"), /"not a code" is not a SCORM 2004 language code/);
});

// ---------------------------------------------------------------------------------------------------------
// durations

test("durations: fixed CMITimespan and timeinterval values parse to their total centiseconds", () => {
  const timespans: [string, number][] = [
    ["00:00:00", 0],
    ["01:02:03.5", 372_350],
    ["0001:02:03.05", 372_305],
    ["12:00:00", 4_320_000],
    ["9999:59:59.99", 3_599_999_999],
  ];
  for (const [s, cs] of timespans) expect(parseTimespan(s), s).toBe(cs);
  expect(MAX_TIMESPAN_CS).toBe(3_599_999_999);
  const intervals: [string, number][] = [
    ["PT0S", 0],
    ["P0D", 0],
    ["PT1.5S", 150],
    ["PT0.05S", 5],
    ["PT90M", 540_000],
    ["P1D", 8_640_000],
    ["P1M", 30 * 8_640_000],
    ["P1Y", 365 * 8_640_000],
    ["P1DT1H1M1.01S", 8_640_000 + 360_000 + 6_000 + 101],
  ];
  for (const [s, cs] of intervals) expect(parseTimeinterval(s), s).toBe(cs);
  expect(formatTimespan(372_350)).toBe("01:02:03.50");
  expect(formatTimespan(0)).toBe("00:00:00");
  expect(formatTimespan(360_000_000)).toBe("1000:00:00");
  expect(formatTimeinterval(372_350)).toBe("PT1H2M3.5S");
  expect(formatTimeinterval(0)).toBe("PT0S");
  expect(formatTimeinterval(6_000)).toBe("PT1M");
  expect(formatTimeinterval(5)).toBe("PT0.05S");
  expect(secondsToCentiseconds(1.005)).toBe(101);
  expect(secondsToCentiseconds(2.994)).toBe(299);
});

test("durations: conversions keep total seconds, and 1.2 clamps above 9999 hours", () => {
  expect(timespan12To2004("0001:02:03.5")).toBe("PT1H2M3.5S");
  expect(timespan12To2004("00:00:00")).toBe("PT0S");
  expect(timeinterval2004To12("P1D")).toEqual({ value: "24:00:00", loss: null });
  expect(timeinterval2004To12("PT1.5S")).toEqual({ value: "00:00:01.50", loss: null });
  expect(timeinterval2004To12("P1YT1S")).toEqual({ value: "8760:00:01", loss: null });
  expect(timeinterval2004To12("PT9999H59M59.99S")).toEqual({ value: "9999:59:59.99", loss: null });
  expect(timeinterval2004To12("PT10000H")).toEqual({ value: "9999:59:59.99", loss: LOSS.durationCapped });
  expect(timeinterval2004To12("P2Y")).toEqual({ value: "9999:59:59.99", loss: LOSS.durationCapped });
});

test("durations: 1.2 -> 2004 -> 1.2 is the identity on canonical CMITimespans", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: MAX_TIMESPAN_CS }), (cs) => {
      const s12 = formatTimespan(cs);
      expect(s12).toMatch(/^(?:\d{2}|[1-9]\d{2,3}):[0-5]\d:[0-5]\d(?:\.(?!00)\d{2})?$/);
      const s2004 = timespan12To2004(s12);
      expect(parseTimeinterval(s2004)).toBe(cs);
      expect(timeinterval2004To12(s2004)).toEqual({ value: s12, loss: null });
    }),
    RUNS,
  );
});

test("durations: any CMITimespan spelling keeps its total centiseconds through 2004", () => {
  const spelled = fc
    .record({
      h: fc.integer({ min: 0, max: 9999 }),
      width: fc.integer({ min: 2, max: 4 }),
      m: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
      frac: fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
    })
    .filter(({ h, width }) => String(h).length <= width);
  fc.assert(
    fc.property(spelled, ({ h, width, m, s, frac }) => {
      const text = `${String(h).padStart(width, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}${frac === undefined ? "" : `.${frac}`}`;
      const expected = ((h * 60 + m) * 60 + s) * 100 + (frac === undefined ? 0 : Number(frac.padEnd(2, "0")));
      expect(parseTimespan(text)).toBe(expected);
      expect(parseTimeinterval(timespan12To2004(text))).toBe(expected);
    }),
    RUNS,
  );
});

test("durations: 2004 -> 1.2 -> 2004 keeps the total seconds (or clamps, documented)", () => {
  const part = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });
  const interval = fc
    .record({
      y: part(2),
      mo: part(14),
      d: part(40),
      h: part(10_000),
      mi: part(200),
      s: part(200),
      frac: fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
    })
    .filter((r) => [r.y, r.mo, r.d, r.h, r.mi, r.s].some((v) => v !== undefined));
  fc.assert(
    fc.property(interval, ({ y, mo, d, h, mi, s, frac }) => {
      const dateText = `${y === undefined ? "" : `${y}Y`}${mo === undefined ? "" : `${mo}M`}${d === undefined ? "" : `${d}D`}`;
      const seconds = s === undefined ? "" : `${s}${frac === undefined ? "" : `.${frac}`}S`;
      const timeText = `${h === undefined ? "" : `${h}H`}${mi === undefined ? "" : `${mi}M`}${seconds}`;
      const text = `P${dateText}${timeText ? `T${timeText}` : ""}`;
      const day = 24 * 3600 * 100;
      const expected =
        (y ?? 0) * 365 * day +
        (mo ?? 0) * 30 * day +
        (d ?? 0) * day +
        (h ?? 0) * 360_000 +
        (mi ?? 0) * 6_000 +
        (s ?? 0) * 100 +
        (s !== undefined && frac !== undefined ? Number(frac.padEnd(2, "0")) : 0);
      expect(parseTimeinterval(text)).toBe(expected);
      const to12 = timeinterval2004To12(text);
      if (expected <= MAX_TIMESPAN_CS) {
        expect(to12.loss).toBeNull();
        expect(parseTimespan(to12.value)).toBe(expected);
        expect(parseTimeinterval(timespan12To2004(to12.value))).toBe(expected);
      } else expect(to12).toEqual({ value: "9999:59:59.99", loss: LOSS.durationCapped });
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------------------------------------------------
// interaction timestamps

test("interaction time: 1.2 time of day <-> 2004 timestamp, date supplied one way and dropped the other", () => {
  expect(time12ToTimestamp2004("09:05:03", DATE)).toBe("2024-03-15T09:05:03");
  expect(time12ToTimestamp2004("23:59:59.5", "2020-02-29")).toBe("2020-02-29T23:59:59.50");
  expect(timestamp2004ToTime12("2024-03-15T09:05:03")).toEqual({
    value: "09:05:03",
    loss: LOSS.timeDateDropped,
  });
  expect(timestamp2004ToTime12("2005-10-11T09:00:30.25+02:00")).toEqual({
    value: "09:00:30.25",
    loss: LOSS.timeDateDropped,
  });
  expect(timestamp2004ToTime12("2005-10-11T09")).toEqual({ value: "09:00:00", loss: LOSS.timeDateDropped });
  expect(timestamp2004ToTime12("2005-10-11")).toEqual({ value: null, loss: LOSS.timeNoTimeOfDay });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 24 * 360_000 - 1 }), (cs) => {
      const t = formatTime12(cs);
      expect(parseTime12(t)).toBe(cs);
      expect(timestamp2004ToTime12(time12ToTimestamp2004(t, DATE)).value).toBe(t);
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------------------------------------------------
// scores

test("scores: fixed raw <-> scaled values, 1.2 and 2004 ranges, mastery score", () => {
  expect(rawToScaled(50, 0, 100)).toBe(0.5);
  expect(rawToScaled(25, 0, 50)).toBe(0.5);
  expect(rawToScaled(-5, -10, 10)).toBe(0.25);
  expect(rawToScaled(0, 10, 20)).toBe(-1);
  expect(scaledToRaw(0.5, 0, 80)).toBe(40);
  expect(scaledToRaw(-1, 10, 20)).toBe(0);
  expect(rawToScaledClamped(50, 0, 20)).toEqual({ value: 1, loss: LOSS.scaledClamped });
  expect(rawToScaledClamped(-50, 0, 20)).toEqual({ value: -1, loss: LOSS.scaledClamped });
  expect(score12To2004("85.50")).toEqual({ value: "85.5", loss: null });
  expect(score12To2004("")).toEqual({ value: null, loss: LOSS.scoreBlank });
  expect(score2004To12("100")).toEqual({ value: "100", loss: null });
  expect(score2004To12("150")).toEqual({ value: null, loss: LOSS.scoreOutOfRange12 });
  expect(score2004To12("-0.5")).toEqual({ value: null, loss: LOSS.scoreOutOfRange12 });
  expect(masteryScore12To2004("85")).toBe("0.85");
  expect(masteryScore12To2004("100")).toBe("1");
  expect(masteryScore12To2004("7.5")).toBe("0.075");
  expect(scaledPassingScore2004To12("0.85")).toEqual({ value: "85", loss: null });
  expect(scaledPassingScore2004To12("-0.2")).toEqual({ value: null, loss: LOSS.masteryNegative });
  expect(shiftDecimal("-.5", 2)).toBe("-50");
  expect(shiftDecimal("0.0", 3)).toBe("0");
  expectMappingError(() => rawToScaled(5, 10, 10), /max \(10\) must be greater than min \(10\)/);
  expectMappingError(() => rawToScaled(50, 0, 20), /gives a scaled score outside \[-1, 1\]/);
  expectMappingError(() => scaledToRaw(1.5, 0, 100), /scaled 1\.5 must lie in \[-1, 1\]/);
  expectMappingError(() => score12To2004("101"), /"101" is outside 0\.\.100/);
  expectMappingError(() => score12To2004("1e2"), /"1e2" is not a decimal number/);
  expectMappingError(() => masteryScore12To2004("-1"), /mastery_score: "-1" is outside 0\.\.100/);
  expectMappingError(
    () => scaledPassingScore2004To12("1.1"),
    /scaled_passing_score: "1\.1" is outside -1\.\.1/,
  );
});

test("scores: raw -> scaled -> raw is the identity within 1e-7 given min < max", () => {
  const range = fc
    .tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 2e4, noNaN: true }))
    .map(([min, width]) => ({ min, max: min + width }))
    .filter(({ min, max }) => max > min);
  fc.assert(
    fc.property(range, fc.double({ min: -1, max: 1, noNaN: true }), ({ min, max }, t) => {
      const raw = min + t * (max - min);
      const scaled = rawToScaled(raw, min, max);
      expect(Math.abs(scaled - t)).toBeLessThanOrEqual(1e-7);
      expect(Math.abs(scaledToRaw(scaled, min, max) - raw)).toBeLessThanOrEqual(1e-7);
    }),
    RUNS,
  );
  // 1.2 scores in hundredths: integer arithmetic tells exactly whether raw lies within one width of [min, max]
  const hundredths = fc.integer({ min: 0, max: 10_000 });
  fc.assert(
    fc.property(hundredths, hundredths, hundredths, (a, b, r) => {
      fc.pre(a !== b && r !== 2 * Math.min(a, b) - Math.max(a, b));
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const [min, max, raw] = [lo / 100, hi / 100, r / 100];
      const scaled = rawToScaledClamped(raw, min, max);
      if (r > hi) expect(scaled).toEqual({ value: 1, loss: LOSS.scaledClamped });
      else if (r < 2 * lo - hi) expect(scaled).toEqual({ value: -1, loss: LOSS.scaledClamped });
      else {
        expect(scaled.loss).toBeNull();
        expect(Math.abs(scaled.value - (r - lo) / (hi - lo))).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(scaledToRaw(scaled.value, min, max) - raw)).toBeLessThanOrEqual(1e-7);
      }
    }),
    RUNS,
  );
});

test("scores: mastery_score -> scaled_passing_score -> mastery_score is exact", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
      const mastery = String(n / 10_000);
      const scaled = masteryScore12To2004(mastery);
      expect(Number(scaled)).toBeCloseTo(n / 1_000_000, 12);
      expect(scaledPassingScore2004To12(scaled)).toEqual({ value: mastery, loss: null });
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------------------------------------------------
// responses

test("responses and patterns convert by interaction type, both ways", () => {
  const both: [string, string, string, "response" | "pattern"][] = [
    ["true-false", "t", "true", "response"],
    ["true-false", "f", "false", "pattern"],
    ["choice", "a,b,c", "a[,]b[,]c", "response"],
    ["sequencing", "c,a,b", "c[,]a[,]b", "pattern"],
    ["matching", "1.a,2.b", "1[.]a[,]2[.]b", "response"],
    ["likert", "4", "4", "response"],
    ["numeric", "2.5", "2.5", "response"],
    ["numeric", "2.5", "2.5[:]2.5", "pattern"],
    ["fill-in", "Paris", "Paris", "response"],
    ["fill-in", "", "", "response"],
  ];
  for (const [type, v12, v2004, kind] of both) {
    expect(response12To2004(type, v12, kind), `${type} ${v12}`).toEqual({ value: v2004, loss: null });
    expect(response2004To12(type, v2004, kind), `${type} ${v2004}`).toEqual({ value: v12, loss: null });
  }
  // other 1.2 spellings of the same value
  expect(response12To2004("true-false", "1")).toEqual({ value: "true", loss: null });
  expect(response12To2004("true-false", "0")).toEqual({ value: "false", loss: null });
  expect(response12To2004("choice", "{a,b}")).toEqual({ value: "a[,]b", loss: null });
  // documented losses
  expect(response12To2004("performance", "x")).toEqual({ value: null, loss: LOSS.responsePerformance });
  expect(response2004To12("performance", "s[.]1")).toEqual({ value: null, loss: LOSS.responsePerformance });
  expect(response2004To12("other", "free")).toEqual({ value: null, loss: LOSS.typeOther });
  expect(response12To2004("fill-in", "a[,]b")).toEqual({ value: null, loss: LOSS.responseUnrepresentable });
  expect(response12To2004("choice", "a&b")).toEqual({ value: null, loss: LOSS.responseUnrepresentable });
  expect(response2004To12("matching", "1.x[.]a")).toEqual({
    value: null,
    loss: LOSS.responseUnrepresentable,
  });
  expect(response2004To12("numeric", "1[:]2", "pattern")).toEqual({ value: null, loss: LOSS.numericRange });
  expect(response2004To12("numeric", "[:]2", "pattern")).toEqual({ value: null, loss: LOSS.numericRange });
  expect(response2004To12("fill-in", "{lang=fr}oui")).toEqual({ value: "oui", loss: LOSS.langDropped });
  expect(response2004To12("fill-in", "a[,]b")).toEqual({ value: "a,b", loss: LOSS.fillInJoined });
  expect(response2004To12("long-fill-in", "{case_matters=true}Text", "pattern")).toEqual({
    value: "Text",
    loss: LOSS.patternDelimiters,
  });
  expect(response2004To12("fill-in", "x".repeat(256))).toEqual({ value: null, loss: LOSS.tooLong12 });
  expectMappingError(() => response12To2004("true-false", "yes"), /"yes" is not t, f, 1, 0, true or false/);
  expectMappingError(() => response12To2004("matching", "1a"), /"1a" is not source\.target/);
  expectMappingError(() => response2004To12("true-false", "t"), /"t" is not true or false/);
  expectMappingError(() => response2004To12("choice", "a[,][,]b"), /"" is not a 2004 short identifier/);
  expectMappingError(() => response12To2004("numeric", "abc"), /"abc" is not a decimal number/);
});

// ---------------------------------------------------------------------------------------------------------
// element names

test("element names map 1.2 <-> 2004 for every element in both, null where there is no counterpart", () => {
  const pairs: [string, string[]][] = [
    ["cmi.core.student_id", ["cmi.learner_id"]],
    ["cmi.core.student_name", ["cmi.learner_name"]],
    ["cmi.core.lesson_location", ["cmi.location"]],
    ["cmi.core.credit", ["cmi.credit"]],
    ["cmi.core.entry", ["cmi.entry"]],
    ["cmi.core.lesson_status", ["cmi.completion_status", "cmi.success_status"]],
    ["cmi.core.score.raw", ["cmi.score.raw"]],
    ["cmi.core.score.min", ["cmi.score.min"]],
    ["cmi.core.score.max", ["cmi.score.max"]],
    ["cmi.core.total_time", ["cmi.total_time"]],
    ["cmi.core.session_time", ["cmi.session_time"]],
    ["cmi.core.exit", ["cmi.exit"]],
    ["cmi.core.lesson_mode", ["cmi.mode"]],
    ["cmi.suspend_data", ["cmi.suspend_data"]],
    ["cmi.launch_data", ["cmi.launch_data"]],
    ["cmi.comments", ["cmi.comments_from_learner.0.comment"]],
    ["cmi.comments_from_lms", ["cmi.comments_from_lms.0.comment"]],
    ["cmi.student_data.mastery_score", ["cmi.scaled_passing_score"]],
    ["cmi.student_data.max_time_allowed", ["cmi.max_time_allowed"]],
    ["cmi.student_data.time_limit_action", ["cmi.time_limit_action"]],
    ["cmi.student_preference.audio", ["cmi.learner_preference.audio_level"]],
    ["cmi.student_preference.language", ["cmi.learner_preference.language"]],
    ["cmi.student_preference.speed", ["cmi.learner_preference.delivery_speed"]],
    ["cmi.student_preference.text", ["cmi.learner_preference.audio_captioning"]],
    ["cmi.objectives.3.id", ["cmi.objectives.3.id"]],
    ["cmi.objectives.3.score.raw", ["cmi.objectives.3.score.raw"]],
    ["cmi.objectives.3.status", ["cmi.objectives.3.completion_status", "cmi.objectives.3.success_status"]],
    ["cmi.interactions.12.id", ["cmi.interactions.12.id"]],
    ["cmi.interactions.12.objectives.1.id", ["cmi.interactions.12.objectives.1.id"]],
    ["cmi.interactions.12.time", ["cmi.interactions.12.timestamp"]],
    ["cmi.interactions.12.type", ["cmi.interactions.12.type"]],
    ["cmi.interactions.12.correct_responses.0.pattern", ["cmi.interactions.12.correct_responses.0.pattern"]],
    ["cmi.interactions.12.weighting", ["cmi.interactions.12.weighting"]],
    ["cmi.interactions.12.student_response", ["cmi.interactions.12.learner_response"]],
    ["cmi.interactions.12.result", ["cmi.interactions.12.result"]],
    ["cmi.interactions.12.latency", ["cmi.interactions.12.latency"]],
  ];
  for (const [e12, e2004] of pairs) {
    expect(counterpart12To2004(e12)?.names, e12).toEqual(e2004);
    for (const e of e2004) expect(counterpart2004To12(e)?.names, e).toEqual([e12]);
  }
  expect(counterpart2004To12("cmi.comments_from_learner.4.comment")?.names).toEqual(["cmi.comments"]);
  expect(counterpart12To2004("cmi.student_data.mastery_score")?.note).toMatch(/mastery_score \/ 100/);
  expect(counterpart12To2004("cmi.interactions.0.time")?.note).toMatch(/date must be supplied/);
  for (const e of [
    "cmi._version",
    "cmi.core._children",
    "cmi.interactions._count",
    "cmi.objectives.0.score._children",
  ])
    expect(counterpart12To2004(e), e).toBeNull();
  for (const e of [
    "cmi.score.scaled",
    "cmi.progress_measure",
    "cmi.completion_threshold",
    "cmi.comments_from_learner.0.location",
    "cmi.comments_from_lms.2.timestamp",
    "cmi.interactions.0.description",
    "cmi.objectives.1.progress_measure",
    "cmi.objectives.1.score.scaled",
    "adl.nav.request",
    "cmi.interactions._count",
  ])
    expect(counterpart2004To12(e), e).toBeNull();
  expectMappingError(
    () => counterpart12To2004("cmi.learner_id"),
    /"cmi\.learner_id" is not a SCORM 1\.2 data model/,
  );
  expectMappingError(
    () => counterpart2004To12("cmi.core.exit"),
    /"cmi\.core\.exit" is not a SCORM 2004 data model/,
  );
  expectMappingError(
    () => counterpart12To2004("cmi.interactions.01.id"),
    /not a SCORM 1\.2 data model element/,
  );
  expectMappingError(() => counterpart2004To12("cmi.objectives.n.id"), /not a SCORM 2004 data model element/);
});

// ---------------------------------------------------------------------------------------------------------
// records

const pairsOf = (r: MappedRecord) => Object.fromEntries(r.pairs);

test("record mapping: a 1.2 session maps to the exact 2004 pairs and losses", () => {
  const r = mapRecord(
    "1.2",
    [
      ["cmi.core.lesson_status", "incomplete"],
      ["cmi.core.lesson_status", "passed"],
      ["cmi.core.score.raw", "40"],
      ["cmi.core.score.min", "0"],
      ["cmi.core.score.max", "80"],
      ["cmi.core.session_time", "0001:30:00.5"],
      ["cmi.core.exit", "suspend"],
      ["cmi.comments", "{lang=de} is literal"],
      ["cmi.student_data.mastery_score", "75"],
      ["cmi.student_preference.audio", "30"],
      ["cmi.interactions.0.id", "q1"],
      ["cmi.interactions.0.type", "true-false"],
      ["cmi.interactions.0.student_response", "1"],
      ["cmi.interactions.0.result", "wrong"],
      ["cmi.interactions.0.time", "10:15:00"],
      ["cmi.interactions.1.student_response", "x"],
      ["cmi.objectives.0.status", "browsed"],
      ["cmi.core._children", "student_id,student_name"],
    ],
    { date: DATE },
  );
  expect(r.version).toBe("2004");
  expect(r.pairs).toEqual([
    ["cmi.completion_status", "completed"],
    ["cmi.success_status", "passed"],
    ["cmi.score.raw", "40"],
    ["cmi.score.min", "0"],
    ["cmi.score.max", "80"],
    ["cmi.session_time", "PT1H30M0.5S"],
    ["cmi.exit", "suspend"],
    ["cmi.comments_from_learner.0.comment", "{lang=en}{lang=de} is literal"],
    ["cmi.scaled_passing_score", "0.75"],
    ["cmi.interactions.0.id", "q1"],
    ["cmi.interactions.0.type", "true-false"],
    ["cmi.interactions.0.learner_response", "true"],
    ["cmi.interactions.0.result", "incorrect"],
    ["cmi.interactions.0.timestamp", "2024-03-15T10:15:00"],
    ["cmi.objectives.0.completion_status", "incomplete"],
    ["cmi.objectives.0.success_status", "unknown"],
    ["cmi.score.scaled", "0.5"],
  ]);
  expect(r.losses).toEqual([
    { element: "cmi.student_preference.audio", reason: LOSS.audioLevel },
    { element: "cmi.interactions.1.student_response", reason: LOSS.responseNoType },
    { element: "cmi.objectives.0.status", reason: LOSS.statusBrowsed },
    { element: "cmi.core._children", reason: LOSS.keyword },
  ]);
  const withoutDate = mapRecord("1.2", [["cmi.interactions.0.time", "10:15:00"]]);
  expect(withoutDate.pairs).toEqual([]);
  expect(withoutDate.losses).toEqual([{ element: "cmi.interactions.0.time", reason: LOSS.timeNoDate }]);
});

test("record mapping: a 2004 session maps to the exact 1.2 pairs and losses", () => {
  const r = mapRecord("2004", [
    ["cmi.completion_status", "incomplete"],
    ["cmi.success_status", "failed"],
    ["cmi.score.scaled", "0.25"],
    ["cmi.score.min", "20"],
    ["cmi.score.max", "60"],
    ["cmi.exit", "normal"],
    ["cmi.session_time", "P1DT2M"],
    ["cmi.location", "x".repeat(300)],
    ["cmi.learner_name", "{lang=fr}Zoé"],
    ["cmi.comments_from_learner.1.comment", "second"],
    ["cmi.comments_from_learner.0.comment", "first"],
    ["cmi.comments_from_learner.0.timestamp", "2024-03-15T10:00:00"],
    ["cmi.interactions.0.id", "urn:x:q-é"],
    ["cmi.interactions.0.result", "incorrect"],
    ["cmi.interactions.1.id", "q2"],
    ["cmi.interactions.1.type", "long-fill-in"],
    ["cmi.interactions.1.learner_response", "{lang=en}Une réponse"],
    ["cmi.interactions.1.timestamp", "2024-03-15T10:00:00Z"],
    ["cmi.objectives.0.id", "obj1"],
    ["cmi.objectives.0.success_status", "passed"],
    ["cmi.progress_measure", "0.5"],
  ]);
  expect(r.version).toBe("1.2");
  expect(pairsOf(r)).toEqual({
    "cmi.core.lesson_status": "failed",
    "cmi.core.score.min": "20",
    "cmi.core.score.max": "60",
    "cmi.core.score.raw": "30",
    "cmi.core.exit": "",
    "cmi.core.session_time": "24:02:00",
    "cmi.core.student_name": "Zoé",
    "cmi.comments": "first | second",
    "cmi.interactions.1.id": "q2",
    "cmi.interactions.1.type": "fill-in",
    "cmi.interactions.1.student_response": "Une réponse",
    "cmi.interactions.1.time": "10:00:00",
    "cmi.objectives.0.id": "obj1",
    "cmi.objectives.0.status": "passed",
  });
  expect(r.losses).toEqual(
    expect.arrayContaining([
      { element: "cmi.completion_status", reason: LOSS.statusCompletionDropped },
      { element: "cmi.exit", reason: LOSS.exitNormal },
      { element: "cmi.location", reason: LOSS.tooLong12 },
      { element: "cmi.learner_name", reason: LOSS.langDropped },
      { element: "cmi.comments_from_learner.0.comment", reason: LOSS.commentsMerged },
      { element: "cmi.comments_from_learner.1.comment", reason: LOSS.commentsMerged },
      { element: "cmi.comments_from_learner.0.timestamp", reason: LOSS.noCounterpart },
      { element: "cmi.interactions.0.id", reason: LOSS.identifier12 },
      { element: "cmi.interactions.0.result", reason: LOSS.orphan },
      { element: "cmi.interactions.1.type", reason: LOSS.typeLongFillIn },
      { element: "cmi.interactions.1.learner_response", reason: LOSS.langDropped },
      { element: "cmi.interactions.1.timestamp", reason: LOSS.timeDateDropped },
      { element: "cmi.progress_measure", reason: LOSS.noCounterpart },
    ]),
  );
  expect(r.losses).toHaveLength(13);
  // score.scaled: redundant beside raw/min/max, lost beside a raw that disagrees or without min/max
  const scaled = (pairs: [string, string][]) => mapRecord("2004", pairs).losses;
  expect(
    scaled([
      ["cmi.score.scaled", "0.5"],
      ["cmi.score.raw", "50"],
      ["cmi.score.min", "0"],
      ["cmi.score.max", "100"],
    ]),
  ).toEqual([]);
  expect(
    scaled([
      ["cmi.score.scaled", "0.4"],
      ["cmi.score.raw", "50"],
      ["cmi.score.min", "0"],
      ["cmi.score.max", "100"],
    ]),
  ).toEqual([{ element: "cmi.score.scaled", reason: LOSS.scaledDropped }]);
  expect(scaled([["cmi.score.scaled", "0.4"]])).toEqual([
    { element: "cmi.score.scaled", reason: LOSS.scaledDropped },
  ]);
});

// Generated sessions: canonical valid values for every element that exists in both versions.
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);
const token = fc.stringMatching(/^[a-z0-9]$/);
const dec = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) => String(n / 100));
const text = (max: number) => fc.string({ maxLength: max });
const timespan = fc.integer({ min: 0, max: 200 * 360_000 }).map(formatTimespan);
const interval = fc.integer({ min: 0, max: 20_000 * 360_000 }).map(formatTimeinterval);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

type Pair = [string, string];

function response12(type: string): fc.Arbitrary<string> {
  switch (type) {
    case "true-false":
      return fc.constantFrom("t", "f");
    case "choice":
    case "sequencing":
      return fc.uniqueArray(token, { minLength: 1, maxLength: 4 }).map((t) => t.join(","));
    case "matching":
      return fc
        .array(fc.tuple(token, token), { minLength: 1, maxLength: 3 })
        .map((p) => p.map((x) => x.join(".")).join(","));
    case "likert":
      return token;
    case "numeric":
      return dec(-50, 50);
    default:
      return fc.oneof(word, text(20));
  }
}

function response2004(type: string): fc.Arbitrary<string> {
  switch (type) {
    case "true-false":
      return fc.constantFrom("true", "false");
    case "choice":
    case "sequencing":
      return fc.uniqueArray(word, { minLength: 1, maxLength: 4 }).map((t) => t.join("[,]"));
    case "matching":
      return fc
        .array(fc.tuple(word, word), { minLength: 1, maxLength: 3 })
        .map((p) => p.map((x) => x.join("[.]")).join("[,]"));
    case "likert":
      return word;
    case "numeric":
      return dec(-50, 50);
    case "fill-in":
    case "long-fill-in":
      return fc.oneof(
        word,
        fc.tuple(word, word).map(([a, b]) => `{lang=fr}${a}[,]${b}`),
      );
    default:
      return fc.oneof(
        word,
        fc.tuple(word, word).map(([a, b]) => `${a}[.]${b}`),
      );
  }
}

const pattern2004 = (type: string) =>
  type === "numeric"
    ? fc.oneof(
        dec(-5, 5).map((n) => `${n}[:]${n}`),
        fc.tuple(dec(-5, 0), dec(1, 5)).map(([a, b]) => `${a}[:]${b}`),
      )
    : response2004(type);

function interaction12(i: number): fc.Arbitrary<Pair[]> {
  const base = `cmi.interactions.${i}`;
  return fc
    .constantFrom(
      "true-false",
      "choice",
      "fill-in",
      "matching",
      "performance",
      "sequencing",
      "likert",
      "numeric",
    )
    .chain((type) =>
      fc.record({
        id: word,
        type: optional(fc.constant(type)),
        time: optional(fc.integer({ min: 0, max: 24 * 360_000 - 1 }).map(formatTime12)),
        weighting: optional(dec(0, 10)),
        response: optional(response12(type)),
        pattern: optional(type === "numeric" ? dec(-5, 5) : response12(type)),
        result: optional(
          fc.oneof(fc.constantFrom("correct", "wrong", "unanticipated", "neutral"), dec(-1, 1)),
        ),
        latency: optional(timespan),
        objective: optional(word),
      }),
    )
    .map((r) => {
      const pairs: Pair[] = [[`${base}.id`, r.id]];
      if (r.type !== undefined) pairs.push([`${base}.type`, r.type]);
      if (r.time !== undefined) pairs.push([`${base}.time`, r.time]);
      if (r.weighting !== undefined) pairs.push([`${base}.weighting`, r.weighting]);
      if (r.response !== undefined) pairs.push([`${base}.student_response`, r.response]);
      if (r.pattern !== undefined) pairs.push([`${base}.correct_responses.0.pattern`, r.pattern]);
      if (r.result !== undefined) pairs.push([`${base}.result`, r.result]);
      if (r.latency !== undefined) pairs.push([`${base}.latency`, r.latency]);
      if (r.objective !== undefined) pairs.push([`${base}.objectives.0.id`, r.objective]);
      return pairs;
    });
}

function interaction2004(i: number): fc.Arbitrary<Pair[]> {
  const base = `cmi.interactions.${i}`;
  const types = ["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance"] as const;
  return fc
    .constantFrom(...types, "sequencing", "likert", "numeric", "other")
    .chain((type) =>
      fc.record({
        id: fc.oneof(word, fc.constant("urn:q:é"), fc.constant("q".repeat(300))),
        type: optional(fc.constant(type)),
        timestamp: optional(fc.constantFrom("2024-03-15T10:00:00", "2024-03-15T23:59:59.5+01:00", "2024")),
        weighting: optional(dec(-10, 10)),
        response: optional(response2004(type)),
        pattern: optional(pattern2004(type)),
        result: optional(
          fc.oneof(fc.constantFrom("correct", "incorrect", "unanticipated", "neutral"), dec(-1, 1)),
        ),
        latency: optional(interval),
        description: optional(text(20)),
      }),
    )
    .map((r) => {
      const pairs: Pair[] = [[`${base}.id`, r.id]];
      if (r.type !== undefined) pairs.push([`${base}.type`, r.type]);
      if (r.timestamp !== undefined) pairs.push([`${base}.timestamp`, r.timestamp]);
      if (r.weighting !== undefined) pairs.push([`${base}.weighting`, r.weighting]);
      if (r.response !== undefined) pairs.push([`${base}.learner_response`, r.response]);
      if (r.pattern !== undefined) pairs.push([`${base}.correct_responses.0.pattern`, r.pattern]);
      if (r.result !== undefined) pairs.push([`${base}.result`, r.result]);
      if (r.latency !== undefined) pairs.push([`${base}.latency`, r.latency]);
      if (r.description !== undefined) pairs.push([`${base}.description`, r.description]);
      return pairs;
    });
}

const indexed = (count: number, each: (i: number) => fc.Arbitrary<Pair[]>) =>
  fc
    .integer({ min: 0, max: count })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => each(i))))
    .map((groups) => groups.flat());

const core12: fc.Arbitrary<Pair>[] = [
  word.map((v): Pair => ["cmi.core.student_id", v]),
  text(40).map((v): Pair => ["cmi.core.student_name", v]),
  text(255).map((v): Pair => ["cmi.core.lesson_location", v]),
  fc.constantFrom("credit", "no-credit").map((v): Pair => ["cmi.core.credit", v]),
  fc.constantFrom(...LESSON_STATUS_12).map((v): Pair => ["cmi.core.lesson_status", v]),
  fc.constantFrom("ab-initio", "resume", "").map((v): Pair => ["cmi.core.entry", v]),
  fc.oneof(dec(0, 100), fc.constant("")).map((v): Pair => ["cmi.core.score.raw", v]),
  dec(0, 100).map((v): Pair => ["cmi.core.score.min", v]),
  dec(0, 100).map((v): Pair => ["cmi.core.score.max", v]),
  timespan.map((v): Pair => ["cmi.core.total_time", v]),
  fc.constantFrom("browse", "normal", "review").map((v): Pair => ["cmi.core.lesson_mode", v]),
  fc.constantFrom("time-out", "suspend", "logout", "").map((v): Pair => ["cmi.core.exit", v]),
  timespan.map((v): Pair => ["cmi.core.session_time", v]),
  text(300).map((v): Pair => ["cmi.suspend_data", v]),
  text(100).map((v): Pair => ["cmi.launch_data", v]),
  fc
    .oneof(
      text(100),
      text(20).map((t) => `{lang=${t}`),
    )
    .map((v): Pair => ["cmi.comments", v]),
  text(100).map((v): Pair => ["cmi.comments_from_lms", v]),
  dec(0, 100).map((v): Pair => ["cmi.student_data.mastery_score", v]),
  timespan.map((v): Pair => ["cmi.student_data.max_time_allowed", v]),
  fc
    .constantFrom("exit,message", "exit,no message", "continue,message", "continue,no message")
    .map((v): Pair => ["cmi.student_data.time_limit_action", v]),
  fc.integer({ min: -1, max: 100 }).map((v): Pair => ["cmi.student_preference.audio", String(v)]),
  fc.constantFrom("", "en", "fr-CA", "Deutsch!").map((v): Pair => ["cmi.student_preference.language", v]),
  fc.integer({ min: -100, max: 100 }).map((v): Pair => ["cmi.student_preference.speed", String(v)]),
  fc.integer({ min: -1, max: 1 }).map((v): Pair => ["cmi.student_preference.text", String(v)]),
];

const objective12 = (i: number) =>
  fc
    .record({
      id: word,
      raw: optional(dec(0, 100)),
      min: optional(dec(0, 100)),
      max: optional(dec(0, 100)),
      status: optional(fc.constantFrom(...LESSON_STATUS_12)),
    })
    .map(({ id, ...rest }) => [
      [`cmi.objectives.${i}.id`, id] as Pair,
      ...Object.entries(rest)
        .filter((e): e is [string, string] => e[1] !== undefined)
        .map(([k, v]): Pair => [`cmi.objectives.${i}.${k === "status" ? "status" : `score.${k}`}`, v]),
    ]);

const session12 = fc
  .tuple(fc.array(fc.oneof(...core12), { maxLength: 30 }), indexed(3, interaction12), indexed(2, objective12))
  .map(([core, interactions, objectives]) => [...core, ...interactions, ...objectives]);

const core2004: fc.Arbitrary<Pair>[] = [
  fc.oneof(word, fc.constant("urn:learner:é")).map((v): Pair => ["cmi.learner_id", v]),
  fc
    .oneof(
      text(40),
      text(20).map((t) => `{lang=fr}${t}`),
    )
    .map((v): Pair => ["cmi.learner_name", v]),
  text(400).map((v): Pair => ["cmi.location", v]),
  fc.constantFrom("credit", "no-credit").map((v): Pair => ["cmi.credit", v]),
  fc
    .constantFrom("completed", "incomplete", "not attempted", "unknown")
    .map((v): Pair => ["cmi.completion_status", v]),
  fc.constantFrom("passed", "failed", "unknown").map((v): Pair => ["cmi.success_status", v]),
  fc.constantFrom("ab-initio", "resume", "").map((v): Pair => ["cmi.entry", v]),
  dec(-1, 1).map((v): Pair => ["cmi.score.scaled", v]),
  dec(-50, 150).map((v): Pair => ["cmi.score.raw", v]),
  dec(-50, 150).map((v): Pair => ["cmi.score.min", v]),
  dec(-50, 150).map((v): Pair => ["cmi.score.max", v]),
  interval.map((v): Pair => ["cmi.total_time", v]),
  fc.constantFrom("browse", "normal", "review").map((v): Pair => ["cmi.mode", v]),
  fc.constantFrom("time-out", "suspend", "logout", "normal", "").map((v): Pair => ["cmi.exit", v]),
  interval.map((v): Pair => ["cmi.session_time", v]),
  text(300).map((v): Pair => ["cmi.suspend_data", v]),
  text(100).map((v): Pair => ["cmi.launch_data", v]),
  fc
    .integer({ min: 0, max: 2 })
    .chain((i) => text(50).map((v): Pair => [`cmi.comments_from_learner.${i}.comment`, v])),
  text(50).map((v): Pair => ["cmi.comments_from_lms.0.comment", v]),
  fc.constant<Pair>(["cmi.comments_from_lms.0.location", "p1"]),
  dec(-1, 1).map((v): Pair => ["cmi.scaled_passing_score", v]),
  interval.map((v): Pair => ["cmi.max_time_allowed", v]),
  fc
    .constantFrom("exit,message", "exit,no message", "continue,message", "continue,no message")
    .map((v): Pair => ["cmi.time_limit_action", v]),
  fc.constantFrom("0", "1", "0.5", "2").map((v): Pair => ["cmi.learner_preference.audio_level", v]),
  fc.constantFrom("", "en", "fr-CA").map((v): Pair => ["cmi.learner_preference.language", v]),
  fc.constantFrom("1", "0.75").map((v): Pair => ["cmi.learner_preference.delivery_speed", v]),
  fc.integer({ min: -1, max: 1 }).map((v): Pair => ["cmi.learner_preference.audio_captioning", String(v)]),
  dec(0, 1).map((v): Pair => ["cmi.progress_measure", v]),
  dec(0, 1).map((v): Pair => ["cmi.completion_threshold", v]),
];

const objective2004 = (i: number) =>
  fc
    .record({
      id: fc.oneof(word, fc.constant("urn:obj:é")),
      "score.scaled": optional(dec(-1, 1)),
      "score.raw": optional(dec(0, 100)),
      "score.min": optional(dec(0, 50)),
      "score.max": optional(dec(51, 100)),
      success_status: optional(fc.constantFrom("passed", "failed", "unknown")),
      completion_status: optional(fc.constantFrom("completed", "incomplete", "not attempted", "unknown")),
      progress_measure: optional(dec(0, 1)),
    })
    .map((r) =>
      Object.entries(r)
        .filter((e): e is [string, string] => e[1] !== undefined)
        .map(([k, v]): Pair => [`cmi.objectives.${i}.${k}`, v]),
    );

const session2004 = fc
  .tuple(
    fc.array(fc.oneof(...core2004), { maxLength: 30 }),
    indexed(3, interaction2004),
    indexed(2, objective2004),
  )
  .map(([core, interactions, objectives]) => [...core, ...interactions, ...objectives]);

/** The final state of a session: a later pair for an element replaces an earlier one. */
const finalState = (pairs: Pair[]) => new Map(pairs.map(([e, v]) => [e, v] as const));

// The record properties check with plain code and throw one Error listing the problems: thousands of expect()
// calls per run would each become a traced step.

/** Totality problems: duplicate or invalid target names, undocumented losses, source elements neither mapped nor lost. */
function totalityProblems(from: Version, source: Map<string, string>, mapped: MappedRecord): string[] {
  const problems: string[] = [];
  const counterpartIn = from === "1.2" ? counterpart2004To12 : counterpart12To2004;
  const counterpartOf = from === "1.2" ? counterpart12To2004 : counterpart2004To12;
  const names = mapped.pairs.map(([e]) => e);
  if (new Set(names).size !== names.length) problems.push(`duplicate target names in ${names.join(", ")}`);
  for (const name of names) counterpartIn(name); // throws on a name the target version does not have
  for (const { element, reason } of mapped.losses) {
    if (!source.has(element)) problems.push(`loss for ${element}, which is not in the source`);
    for (const part of reason.split("; "))
      if (!ALL_LOSSES.has(part)) problems.push(`${element}: undocumented loss ${JSON.stringify(part)}`);
  }
  const lost = new Set(mapped.losses.map((l) => l.element));
  const out = new Map(mapped.pairs);
  for (const element of source.keys()) {
    const c = counterpartOf(element);
    const reached = c !== null && c.names.some((n) => out.has(n));
    const raw = element.replace(/scaled$/, "raw");
    const scaledKept =
      element.endsWith(".scaled") && (source.has(raw) || out.has(counterpartOf(raw)?.names[0] ?? ""));
    if (!reached && !lost.has(element) && !scaledKept) problems.push(`${element} is neither mapped nor lost`);
  }
  return problems;
}

/** Round-trip problems: a source element with no loss on the way there that does not come back unchanged. */
function roundTripProblems(source: Map<string, string>, there: MappedRecord, back: MappedRecord): string[] {
  const problems: string[] = [];
  const backOut = new Map(back.pairs);
  const lost = new Set(there.losses.map((l) => l.element));
  for (const [element, value] of source) {
    if (lost.has(element)) continue;
    const returned = backOut.get(element);
    // a scaled score comes back derived from raw/min/max (or not at all when redundant): compare numbers
    const same = element.endsWith(".scaled")
      ? returned === undefined || Math.abs(Number(returned) - Number(value)) <= 1e-6
      : returned === value;
    if (!same) problems.push(`${element}: ${JSON.stringify(value)} came back as ${JSON.stringify(returned)}`);
  }
  return problems;
}

function assertNoProblems(problems: string[]): void {
  if (problems.length) throw new Error(problems.join("\n"));
}

test("record mapping is total on generated 1.2 sessions, and 1.2 -> 2004 -> 1.2 keeps every lossless element", () => {
  fc.assert(
    fc.property(session12, (pairs) => {
      const source = finalState(pairs);
      const there = mapRecord("1.2", pairs, { date: DATE });
      const back = mapRecord("2004", there.pairs);
      assertNoProblems([
        ...totalityProblems("1.2", source, there),
        ...totalityProblems("2004", new Map(there.pairs), back),
        ...roundTripProblems(source, there, back),
      ]);
    }),
    RECORD_RUNS,
  );
});

test("record mapping is total on generated 2004 sessions, and 2004 -> 1.2 -> 2004 keeps every lossless element", () => {
  fc.assert(
    fc.property(session2004, (pairs) => {
      const source = finalState(pairs);
      const there = mapRecord("2004", pairs);
      const back = mapRecord("1.2", there.pairs, { date: DATE });
      assertNoProblems([
        ...totalityProblems("2004", source, there),
        ...totalityProblems("1.2", new Map(there.pairs), back),
        ...roundTripProblems(source, there, back),
      ]);
    }),
    RECORD_RUNS,
  );
});

test("record mapping is total on the conformance tracking generator's sessions", () => {
  const fits = (e: string, v: string) =>
    !(e === "cmi.core.lesson_location" || e === "cmi.suspend_data") ||
    v.length <= (e === "cmi.suspend_data" ? 4096 : 255);
  fc.assert(
    fc.property(
      trackingScriptArbitrary().filter((s) => s.writes.every(([e, v]) => fits(e, v))),
      ({ version, writes }) => {
        const mapped = mapRecord(version, writes, { date: DATE });
        const problems = totalityProblems(version, finalState(writes), mapped);
        if (mapped.version === version) problems.push(`mapped to the same version ${version}`);
        assertNoProblems(problems);
      },
    ),
    RECORD_RUNS,
  );
});

// A wrong implementation must fail the helpers above, not only the fixed examples.
test("the record property checks catch a wrong mapping", () => {
  const source = new Map<string, string>([
    ["cmi.core.exit", "suspend"],
    ["cmi.core.lesson_location", "p3"],
  ]);
  const dropped: MappedRecord = { version: "2004", pairs: [["cmi.exit", "suspend"]], losses: [] };
  expect(totalityProblems("1.2", source, dropped)).toEqual([
    "cmi.core.lesson_location is neither mapped nor lost",
  ]);
  const invented: MappedRecord = {
    version: "2004",
    pairs: [["cmi.exit", "suspend"]],
    losses: [{ element: "cmi.core.lesson_location", reason: "too long" }],
  };
  expect(totalityProblems("1.2", source, invented)).toEqual([
    'cmi.core.lesson_location: undocumented loss "too long"',
  ]);
  const there = mapRecord("1.2", [...source]);
  const back: MappedRecord = {
    version: "1.2",
    pairs: [
      ["cmi.core.exit", ""],
      ["cmi.core.lesson_location", "p3"],
    ],
    losses: [],
  };
  expect(roundTripProblems(source, there, back)).toEqual(['cmi.core.exit: "suspend" came back as ""']);
});

test("invalid input throws MappingError saying what was wrong", () => {
  const cases: [() => unknown, RegExp][] = [
    [() => parseTimespan("1:00:00"), /"1:00:00" is not a SCORM 1\.2 CMITimespan/],
    [() => parseTimespan("00:60:00"), /minutes and seconds must be 00-59/],
    [() => parseTimespan("10000:00:00"), /is not a SCORM 1\.2 CMITimespan/],
    [() => parseTimespan("00:00:00.123"), /is not a SCORM 1\.2 CMITimespan/],
    [() => parseTimeinterval("P"), /"P" is not a SCORM 2004 timeinterval/],
    [() => parseTimeinterval("PT"), /"PT" is not a SCORM 2004 timeinterval/],
    [() => parseTimeinterval("P1DT"), /"P1DT" is not a SCORM 2004 timeinterval/],
    [() => parseTimeinterval("PT1.234S"), /at most 2 fractional digits/],
    [() => parseTimeinterval("PT-1S"), /"PT-1S" is not a SCORM 2004 timeinterval/],
    [() => parseTimeinterval("1H"), /"1H" is not a SCORM 2004 timeinterval/],
    [() => parseTimeinterval(`P${"9".repeat(20)}Y`), /too long a duration to represent exactly/],
    [() => formatTimespan(MAX_TIMESPAN_CS + 1), /exceeds the 1\.2 CMITimespan maximum/],
    [() => formatTimespan(1.5), /not a whole, non-negative number of centiseconds/],
    [() => parseTime12("24:00:00"), /"24:00:00" is not a SCORM 1\.2 CMITime/],
    [() => timestamp2004ToTime12("2039-01-01T00:00:00"), /the year must be 1970\.\.2038/],
    [() => timestamp2004ToTime12("2023-02-29T00:00:00"), /no day 29 in 2023-02/],
    [() => timestamp2004ToTime12("2023-01-01 10:00"), /is not a SCORM 2004 timestamp/],
    [() => time12ToTimestamp2004("10:00:00", "15/03/2024"), /session date "15\/03\/2024" is not YYYY-MM-DD/],
    [() => status12To2004("done"), /"done" is not a SCORM 1\.2 lesson_status/],
    [() => status2004To12("passed", "passed"), /"passed" is not a SCORM 2004 completion_status/],
    [() => status2004To12("completed", "completed"), /"completed" is not a SCORM 2004 success_status/],
    [() => identifier2004To12("has space"), /"has space" is not an identifier/],
    [() => mapRecord("1.2", [["cmi.foo", "x"]]), /"cmi\.foo" is not a SCORM 1\.2 data model element/],
    [
      () => mapRecord("2004", [["cmi.core.lesson_status", "passed"]]),
      /is not a SCORM 2004 data model element/,
    ],
    [() => mapRecord("1.2", [["cmi.core.lesson_location", "x".repeat(256)]]), /longer than 255 characters/],
    [() => mapRecord("1.2", [["cmi.core.score.raw", "abc"]]), /"abc" is not a decimal number/],
    [() => mapRecord("1.2", [["cmi.core.student_id", "a b"]]), /student_id: "a b" is not a CMIIdentifier/],
    [() => mapRecord("2004", [["cmi.score.scaled", "2"]]), /cmi\.score\.scaled: "2" is outside -1\.\.1/],
    [
      () => mapRecord("2004", [["cmi.progress_measure", "1.5"]]),
      /progress_measure: "1\.5" is outside 0\.\.1/,
    ],
    [() => mapRecord("2004", [["cmi.session_time", "01:00:00"]]), /is not a SCORM 2004 timeinterval/],
    [() => mapRecord("1.2", [["cmi.core.lesson_status", 5 as unknown as string]]), /two strings/],
    [() => mapRecord("1.2", [], { date: "2024-13-01" }), /no month 13/],
    [() => mapRecord("3" as Version, []), /"3" is not a SCORM version/],
  ];
  for (const [fn, message] of cases) expectMappingError(fn, message);
});
