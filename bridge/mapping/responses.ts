// Converts interaction learner responses and correct-response patterns 1.2 <-> 2004, by interaction type.
//
//   type        1.2 (CMIFeedback, max 255)          2004
//   true-false  t | f  (also 1 | 0 | true | false)  true | false
//   choice      a,b  (also {a,b})                   a[,]b
//   sequencing  a,b,c                               a[,]b[,]c
//   matching    1.a,2.b                             1[.]a[,]2[.]b
//   likert      a                                   a
//   numeric     2.5 (pattern 2.5)                   2.5 (pattern 2.5[:]2.5)
//   fill-in     text                                text  ({lang=..} / {case_matters=..}{order_matters=..} dropped)
//   performance free text                           step[.]answer[,]...   -> no correspondence, left out
// An empty response stays empty. Documented losses: LOSS.responsePerformance, LOSS.responseUnrepresentable
// (reserved characters, 1.2 ids with "." in matching, 2004 ids not allowed, longer than 255), LOSS.fillInJoined,
// LOSS.patternDelimiters, LOSS.langDropped, LOSS.numericRange, LOSS.typeOther.
import { canonicalDecimal, isDecimal } from "./decimals.ts";
import { MappingError, quote } from "./errors.ts";
import { LOSS } from "./losses.ts";
import { lossless, lossy, type Converted } from "./types.ts";
import { parseInteractionType12, parseInteractionType2004 } from "./vocabulary.ts";

export type ResponseKind = "response" | "pattern";

const TOKEN_12 = /^[^\s,{}]+$/;
const SHORT_ID_2004 = /^(?=.*\w)[\w\-()+.:=@;$!*'%/#]{1,250}$/;
const FEEDBACK_MAX_12 = 255;
const PATTERN_FLAGS = /^\{(?:case_matters|order_matters)=(?:true|false)\}/;
const LANG = /^\{lang=[^}]*\}/;

class Unrepresentable extends Error {}

function token12(value: string, what: string): string {
  if (!TOKEN_12.test(value))
    throw new MappingError(`${what}: ${quote(value)} is not a 1.2 response identifier`);
  if (!SHORT_ID_2004.test(value)) throw new Unrepresentable();
  return value;
}

function token2004(value: string, what: string): string {
  if (!SHORT_ID_2004.test(value))
    throw new MappingError(`${what}: ${quote(value)} is not a 2004 short identifier`);
  return value;
}

function join(...reasons: (string | null)[]): string | null {
  const present = reasons.filter((r): r is string => r !== null);
  return present.length ? present.join("; ") : null;
}

function list12(value: string, what: string, braces: boolean): string[] {
  const body = braces && /^\{.*\}$/.test(value) ? value.slice(1, -1) : value;
  return body.split(",").map((t) => token12(t, what));
}

function convert12To2004(type: string, value: string, kind: ResponseKind): Converted<string | null> {
  const t = parseInteractionType12(type);
  const what = `SCORM 1.2 ${t} ${kind}`;
  if (value.length > FEEDBACK_MAX_12)
    throw new MappingError(`${what}: longer than ${FEEDBACK_MAX_12} characters`);
  if (t === "performance") return lossy(null, LOSS.responsePerformance);
  if (value === "") return lossless("");
  switch (t) {
    case "true-false":
      if (["t", "1", "true"].includes(value)) return lossless("true");
      if (["f", "0", "false"].includes(value)) return lossless("false");
      throw new MappingError(`${what}: ${quote(value)} is not t, f, 1, 0, true or false`);
    case "choice":
      return lossless(list12(value, what, true).join("[,]"));
    case "sequencing":
      return lossless(list12(value, what, false).join("[,]"));
    case "likert":
      return lossless(token12(value, what));
    case "matching":
      return lossless(
        value
          .split(",")
          .map((pair) => {
            const parts = pair.split(".");
            if (parts.length !== 2) throw new MappingError(`${what}: ${quote(pair)} is not source.target`);
            return parts.map((p) => token12(p, what)).join("[.]");
          })
          .join("[,]"),
      );
    case "numeric": {
      if (!isDecimal(value)) throw new MappingError(`${what}: ${quote(value)} is not a decimal number`);
      const n = canonicalDecimal(value);
      return lossless(kind === "pattern" ? `${n}[:]${n}` : n);
    }
    case "fill-in":
      if (value.includes("[,]") || value.startsWith("{")) throw new Unrepresentable();
      return lossless(value);
  }
}

/** 1.2 student_response / correct_responses pattern -> 2004 learner_response / pattern, for the 1.2 type. */
export function response12To2004(
  type: string,
  value: string,
  kind: ResponseKind = "response",
): Converted<string | null> {
  try {
    return convert12To2004(type, value, kind);
  } catch (e) {
    if (e instanceof Unrepresentable) return lossy(null, LOSS.responseUnrepresentable);
    throw e;
  }
}

function fillIn2004To12(value: string, kind: ResponseKind): Converted<string> {
  let rest = value;
  let flags = false;
  if (kind === "pattern")
    for (let m = PATTERN_FLAGS.exec(rest); m; m = PATTERN_FLAGS.exec(rest)) {
      rest = rest.slice(m[0].length);
      flags = true;
    }
  let lang = false;
  const strings = rest.split("[,]").map((s) => {
    const m = LANG.exec(s);
    if (m) lang = true;
    return m ? s.slice(m[0].length) : s;
  });
  return {
    value: strings.join(","),
    loss: join(
      strings.length > 1 ? LOSS.fillInJoined : null,
      flags ? LOSS.patternDelimiters : null,
      lang ? LOSS.langDropped : null,
    ),
  };
}

function convert2004To12(type: string, value: string, kind: ResponseKind): Converted<string | null> {
  const t = parseInteractionType2004(type);
  const what = `SCORM 2004 ${t} ${kind}`;
  if (t === "performance") return lossy(null, LOSS.responsePerformance);
  if (t === "other") return lossy(null, LOSS.typeOther);
  if (value === "") return lossless("");
  let result: Converted<string>;
  switch (t) {
    case "true-false":
      if (value !== "true" && value !== "false")
        throw new MappingError(`${what}: ${quote(value)} is not true or false`);
      result = lossless(value === "true" ? "t" : "f");
      break;
    case "choice":
    case "sequencing":
      result = lossless(
        value
          .split("[,]")
          .map((v) => token2004(v, what))
          .join(","),
      );
      break;
    case "likert":
      result = lossless(token2004(value, what));
      break;
    case "matching":
      result = lossless(
        value
          .split("[,]")
          .map((pair) => {
            const parts = pair.split("[.]");
            if (parts.length !== 2) throw new MappingError(`${what}: ${quote(pair)} is not source[.]target`);
            return parts
              .map((p) => {
                if (token2004(p, what).includes(".")) throw new Unrepresentable();
                return p;
              })
              .join(".");
          })
          .join(","),
      );
      break;
    case "numeric": {
      if (kind === "response" || !value.includes("[:]")) {
        if (!isDecimal(value)) throw new MappingError(`${what}: ${quote(value)} is not a real number`);
        result = lossless(canonicalDecimal(value));
        break;
      }
      const [min = "", max = "", ...extra] = value.split("[:]");
      if (extra.length || (min !== "" && !isDecimal(min)) || (max !== "" && !isDecimal(max)))
        throw new MappingError(`${what}: ${quote(value)} is not min[:]max`);
      if (min === "" || max === "" || Number(min) !== Number(max)) return lossy(null, LOSS.numericRange);
      result = lossless(canonicalDecimal(min));
      break;
    }
    case "fill-in":
    case "long-fill-in":
      result = fillIn2004To12(value, kind);
      break;
  }
  if (result.value.length > FEEDBACK_MAX_12) return lossy(null, LOSS.tooLong12);
  return result;
}

/** 2004 learner_response / correct_responses pattern -> 1.2 student_response / pattern, for the 2004 type. */
export function response2004To12(
  type: string,
  value: string,
  kind: ResponseKind = "response",
): Converted<string | null> {
  try {
    return convert2004To12(type, value, kind);
  } catch (e) {
    if (e instanceof Unrepresentable) return lossy(null, LOSS.responseUnrepresentable);
    throw e;
  }
}
