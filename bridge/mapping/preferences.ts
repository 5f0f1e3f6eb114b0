// Maps learner preferences: 1.2 cmi.student_preference.{audio,language,speed,text} <-> 2004
// cmi.learner_preference.{audio_level,language,delivery_speed,audio_captioning}.
//
// - text (-1 off, 0 no change, 1 on) <-> audio_captioning (same values): lossless.
// - language: 1.2 any string up to 255 <-> 2004 language code (or ""): a 1.2 value that is not a language code is
//   left out (LOSS.language); 2004 -> 1.2 is lossless.
// - audio (-1 off, 0 no change, 1..100 volume) <-> audio_level (real >= 0, 1 = default): only -1 <-> 0 and
//   0 <-> 1 correspond; other values are left out (LOSS.audioLevel).
// - speed (-100..100, 0 no change) <-> delivery_speed (real >= 0, 1 = normal): only 0 <-> 1 corresponds; other
//   values are left out (LOSS.deliverySpeed). The scales are not defined relative to each other.
import { parseDecimal } from "./decimals.ts";
import { MappingError, quote } from "./errors.ts";
import { LOSS } from "./losses.ts";
import { lossless, lossy, type Converted } from "./types.ts";

const LANGUAGE_2004 = /^(?:|(?:[a-zA-Z]{2,3}|[iIxX])(?:-[a-zA-Z0-9]{1,8})*)$/;

function integerIn(value: string, min: number, max: number, what: string): number {
  if (!/^-?\d+$/.test(value)) throw new MappingError(`${what}: ${quote(value)} is not an integer`);
  const n = Number(value);
  if (n < min || n > max) throw new MappingError(`${what}: ${quote(value)} is outside ${min}..${max}`);
  return n;
}

function nonNegativeReal(value: string, what: string): number {
  const n = parseDecimal(value, what);
  if (n < 0) throw new MappingError(`${what}: ${quote(value)} is negative`);
  return n;
}

/** 1.2 cmi.student_preference.audio (-1..100) -> 2004 cmi.learner_preference.audio_level. */
export function audio12To2004(value: string): Converted<string | null> {
  const n = integerIn(value, -1, 100, "SCORM 1.2 cmi.student_preference.audio");
  if (n === -1) return lossless("0");
  if (n === 0) return lossless("1");
  return lossy(null, LOSS.audioLevel);
}

/** 2004 cmi.learner_preference.audio_level (real >= 0) -> 1.2 cmi.student_preference.audio. */
export function audioLevel2004To12(value: string): Converted<string | null> {
  const n = nonNegativeReal(value, "SCORM 2004 cmi.learner_preference.audio_level");
  if (n === 0) return lossless("-1");
  if (n === 1) return lossless("0");
  return lossy(null, LOSS.audioLevel);
}

/** 1.2 cmi.student_preference.speed (-100..100) -> 2004 cmi.learner_preference.delivery_speed. */
export function speed12To2004(value: string): Converted<string | null> {
  const n = integerIn(value, -100, 100, "SCORM 1.2 cmi.student_preference.speed");
  return n === 0 ? lossless("1") : lossy(null, LOSS.deliverySpeed);
}

/** 2004 cmi.learner_preference.delivery_speed (real >= 0) -> 1.2 cmi.student_preference.speed. */
export function deliverySpeed2004To12(value: string): Converted<string | null> {
  const n = nonNegativeReal(value, "SCORM 2004 cmi.learner_preference.delivery_speed");
  return n === 1 ? lossless("0") : lossy(null, LOSS.deliverySpeed);
}

/** 1.2 cmi.student_preference.text <-> 2004 cmi.learner_preference.audio_captioning (-1, 0, 1 both). */
export function mapCaptioning(value: string): string {
  return String(integerIn(value, -1, 1, "SCORM text/audio_captioning preference"));
}

/** 1.2 cmi.student_preference.language (CMIString255) -> 2004 language code; not a code -> null. */
export function language12To2004(value: string): Converted<string | null> {
  if (value.length > 255)
    throw new MappingError(`SCORM 1.2 cmi.student_preference.language: longer than 255 characters`);
  return LANGUAGE_2004.test(value) && value.length <= 250 ? lossless(value) : lossy(null, LOSS.language);
}

/** 2004 cmi.learner_preference.language -> 1.2 (lossless). */
export function language2004To12(value: string): string {
  if (!LANGUAGE_2004.test(value) || value.length > 250)
    throw new MappingError(`${quote(value)} is not a SCORM 2004 language code`);
  return value;
}
