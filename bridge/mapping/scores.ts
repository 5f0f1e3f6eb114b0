// Converts scores: raw <-> scaled given min/max, 1.2 score (CMIDecimal 0..100) <-> 2004 score (real(10,7)), mastery.
//
// - scaled = (raw - min) / (max - min) and raw = min + scaled * (max - min). Both refuse (MappingError) when
//   max <= min, and rawToScaled refuses a result outside [-1, 1] (raw outside [min, max]);
//   rawToScaledClamped clamps it instead (LOSS.scaledClamped). The float result is not rounded, so
//   raw -> scaled -> raw is the identity within float error.
// - 1.2 score.raw/min/max are CMIDecimal in 0..100 (SCORM 1.2 RTE 3.4.2) or blank; 2004 raw/min/max are any
//   real(10,7), score.scaled and scaled_passing_score are real(10,7) in [-1, 1].
// - mastery_score (0..100) <-> scaled_passing_score ([-1, 1]): scaled = mastery / 100, exact (the decimal point
//   moves), which assumes the 1.2 score range min 0, max 100; a negative scaled_passing_score has no 1.2 value.
import { canonicalDecimal, parseDecimal, parseDecimalIn, shiftDecimal } from "./decimals.ts";
import { MappingError } from "./errors.ts";
import { LOSS } from "./losses.ts";
import { lossless, lossy, type Converted } from "./types.ts";

export const SCORE_MIN_12 = 0;
export const SCORE_MAX_12 = 100;

function checkRange(min: number, max: number): void {
  if (!Number.isFinite(min) || !Number.isFinite(max))
    throw new MappingError(`min ${min} and max ${max} must be finite`);
  if (max <= min)
    throw new MappingError(`score max (${max}) must be greater than min (${min}) to relate raw and scaled`);
}

/** scaled = (raw - min) / (max - min); refuses max <= min and a result outside [-1, 1]. */
export function rawToScaled(raw: number, min: number, max: number): number {
  const { value, loss } = rawToScaledClamped(raw, min, max);
  if (loss !== null)
    throw new MappingError(`raw ${raw} with min ${min} and max ${max} gives a scaled score outside [-1, 1]`);
  return value;
}

/** Like rawToScaled, but clamps a result outside [-1, 1] (LOSS.scaledClamped) instead of refusing it. */
export function rawToScaledClamped(raw: number, min: number, max: number): Converted<number> {
  checkRange(min, max);
  if (!Number.isFinite(raw)) throw new MappingError(`raw ${raw} must be finite`);
  const scaled = (raw - min) / (max - min);
  if (scaled > 1) return lossy(1, LOSS.scaledClamped);
  if (scaled < -1) return lossy(-1, LOSS.scaledClamped);
  return lossless(scaled);
}

/** raw = min + scaled * (max - min); refuses max <= min and scaled outside [-1, 1]. */
export function scaledToRaw(scaled: number, min: number, max: number): number {
  checkRange(min, max);
  if (!Number.isFinite(scaled) || scaled < -1 || scaled > 1)
    throw new MappingError(`scaled ${scaled} must lie in [-1, 1]`);
  return min + scaled * (max - min);
}

/** Parses a 1.2 score.raw/min/max: "" (CMIBlank) -> null, else a CMIDecimal in 0..100. */
export function parseScore12(value: string, what = "SCORM 1.2 score"): number | null {
  return value === "" ? null : parseDecimalIn(value, SCORE_MIN_12, SCORE_MAX_12, what);
}

/** Parses a 2004 score.raw/min/max (real(10,7)). */
export function parseScore2004(value: string, what = "SCORM 2004 score"): number {
  return parseDecimal(value, what);
}

/** Parses a 2004 score.scaled or scaled_passing_score (real(10,7) in [-1, 1]). */
export function parseScaled2004(value: string, what = "SCORM 2004 scaled score"): number {
  return parseDecimalIn(value, -1, 1, what);
}

/** 1.2 score.raw/min/max -> 2004 (same number, canonical spelling); blank -> null (LOSS.scoreBlank). */
export function score12To2004(value: string): Converted<string | null> {
  if (parseScore12(value) === null) return lossy(null, LOSS.scoreBlank);
  return lossless(canonicalDecimal(value));
}

/** 2004 score.raw/min/max -> 1.2 (same number); outside 0..100 -> null (LOSS.scoreOutOfRange12). */
export function score2004To12(value: string): Converted<string | null> {
  const n = parseScore2004(value);
  if (n < SCORE_MIN_12 || n > SCORE_MAX_12) return lossy(null, LOSS.scoreOutOfRange12);
  return lossless(canonicalDecimal(value));
}

/** 1.2 cmi.student_data.mastery_score (0..100) -> 2004 cmi.scaled_passing_score = mastery / 100 (exact). */
export function masteryScore12To2004(value: string): string {
  parseDecimalIn(value, SCORE_MIN_12, SCORE_MAX_12, "SCORM 1.2 mastery_score");
  return shiftDecimal(value, -2);
}

/** 2004 cmi.scaled_passing_score -> 1.2 mastery_score = scaled * 100 (exact); negative -> null. */
export function scaledPassingScore2004To12(value: string): Converted<string | null> {
  const n = parseScaled2004(value, "SCORM 2004 scaled_passing_score");
  if (n < 0) return lossy(null, LOSS.masteryNegative);
  return lossless(shiftDecimal(value, 2));
}
