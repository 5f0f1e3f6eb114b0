// Parses/formats SCORM 1.2 CMITimespan and SCORM 2004 timeinterval as integer centiseconds, and converts between them.
//
// All arithmetic is on integer centiseconds, so no float error creeps in. Both formats carry at most two
// fractional digits of seconds, so parsing is exact; rounding to centiseconds happens only in
// `secondsToCentiseconds` (half away from zero, for callers holding a float number of seconds).
// 2004 years count as 365 days and months as 30 days (SCORM defines no calendar for a timeinterval); days are
// 24 hours. 1.2 hours have at most 4 digits: a duration above 9999:59:59.99 is clamped to it on the way to 1.2
// (documented loss LOSS.durationCapped).
import { MappingError, quote } from "./errors.ts";
import { LOSS } from "./losses.ts";
import { lossless, lossy, type Converted } from "./types.ts";

export const CS_PER_SECOND = 100;
export const CS_PER_MINUTE = 60 * CS_PER_SECOND;
export const CS_PER_HOUR = 60 * CS_PER_MINUTE;
export const CS_PER_DAY = 24 * CS_PER_HOUR;
export const CS_PER_MONTH = 30 * CS_PER_DAY;
export const CS_PER_YEAR = 365 * CS_PER_DAY;
/** 9999:59:59.99, the longest 1.2 CMITimespan. */
export const MAX_TIMESPAN_CS = 9999 * CS_PER_HOUR + 59 * CS_PER_MINUTE + 59 * CS_PER_SECOND + 99;

const TIMESPAN = /^(\d{2,4}):(\d{2}):(\d{2})(?:\.(\d{1,2}))?$/;
const TIMEINTERVAL =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,2}))?S)?)?$/;

/** "5" -> 50, "05" -> 5, undefined -> 0: a 1-2 digit fraction of a second as centiseconds. */
function fractionCs(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.padEnd(2, "0"));
}

/** Parses a 1.2 CMITimespan HHHH:MM:SS.SS (hours 2-4 digits, minutes and seconds 00-59, 1-2 fraction digits). */
export function parseTimespan(value: string): number {
  const m = TIMESPAN.exec(value);
  if (!m) throw new MappingError(`${quote(value)} is not a SCORM 1.2 CMITimespan (HHHH:MM:SS.SS)`);
  const [, h, min, s, frac] = m;
  if (Number(min) > 59 || Number(s) > 59)
    throw new MappingError(
      `${quote(value)} is not a SCORM 1.2 CMITimespan: minutes and seconds must be 00-59`,
    );
  return Number(h) * CS_PER_HOUR + Number(min) * CS_PER_MINUTE + Number(s) * CS_PER_SECOND + fractionCs(frac);
}

function checkCentiseconds(cs: number): void {
  if (!Number.isSafeInteger(cs) || cs < 0)
    throw new MappingError(`${cs} is not a whole, non-negative number of centiseconds`);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Formats centiseconds as a canonical 1.2 CMITimespan: HH[HH]:MM:SS, plus .SS when the fraction is not zero. */
export function formatTimespan(cs: number): string {
  checkCentiseconds(cs);
  if (cs > MAX_TIMESPAN_CS)
    throw new MappingError(`${cs} centiseconds exceeds the 1.2 CMITimespan maximum 9999:59:59.99`);
  const h = Math.floor(cs / CS_PER_HOUR);
  const min = Math.floor((cs % CS_PER_HOUR) / CS_PER_MINUTE);
  const s = Math.floor((cs % CS_PER_MINUTE) / CS_PER_SECOND);
  const frac = cs % CS_PER_SECOND;
  return `${pad2(h)}:${pad2(min)}:${pad2(s)}${frac ? `.${pad2(frac)}` : ""}`;
}

/**
 * Parses a 2004 timeinterval P[nY][nM][nD][T[nH][nM][n[.n]S]]: at least one component, T only with a time
 * component, whole numbers except the seconds (at most 2 fractional digits). Years are 365 days, months 30.
 */
export function parseTimeinterval(value: string): number {
  const m = TIMEINTERVAL.exec(value);
  if (!m || value === "P" || value.endsWith("T"))
    throw new MappingError(
      `${quote(value)} is not a SCORM 2004 timeinterval (P[nY][nM][nD][T[nH][nM][n[.n]S]], at most 2 fractional digits)`,
    );
  const [, y, mo, d, h, min, s, frac] = m;
  const units: [string | undefined, number][] = [
    [y, CS_PER_YEAR],
    [mo, CS_PER_MONTH],
    [d, CS_PER_DAY],
    [h, CS_PER_HOUR],
    [min, CS_PER_MINUTE],
    [s, CS_PER_SECOND],
  ];
  let total = BigInt(fractionCs(frac));
  for (const [digits, unit] of units) if (digits !== undefined) total += BigInt(digits) * BigInt(unit);
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    throw new MappingError(`${quote(value)} is too long a duration to represent exactly`);
  return Number(total);
}

/** Formats centiseconds as a canonical 2004 timeinterval PT[nH][nM][n[.n]S] (zero components left out; PT0S). */
export function formatTimeinterval(cs: number): string {
  checkCentiseconds(cs);
  if (cs === 0) return "PT0S";
  const h = Math.floor(cs / CS_PER_HOUR);
  const min = Math.floor((cs % CS_PER_HOUR) / CS_PER_MINUTE);
  const s = Math.floor((cs % CS_PER_MINUTE) / CS_PER_SECOND);
  const frac = cs % CS_PER_SECOND;
  const seconds = frac ? `${s}.${pad2(frac).replace(/0$/, "")}S` : s ? `${s}S` : "";
  return `PT${h ? `${h}H` : ""}${min ? `${min}M` : ""}${seconds}`;
}

/**
 * Rounds a float number of seconds to whole centiseconds, half away from zero, as the decimal is written
 * (1.005 -> 101 although 1.005 * 100 is 100.49999999999999 in floating point).
 */
export function secondsToCentiseconds(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new MappingError(`${seconds} is not a finite, non-negative number of seconds`);
  const cs = Math.round(Number((seconds * CS_PER_SECOND).toPrecision(15)));
  if (!Number.isSafeInteger(cs)) throw new MappingError(`${seconds} seconds is too long a duration`);
  return cs;
}

/** 1.2 CMITimespan -> 2004 timeinterval. Always lossless (same total centiseconds). */
export function timespan12To2004(value: string): string {
  return formatTimeinterval(parseTimespan(value));
}

/** 2004 timeinterval -> 1.2 CMITimespan: same total centiseconds, clamped to 9999:59:59.99 (LOSS.durationCapped). */
export function timeinterval2004To12(value: string): Converted<string> {
  const cs = parseTimeinterval(value);
  return cs > MAX_TIMESPAN_CS
    ? lossy(formatTimespan(MAX_TIMESPAN_CS), LOSS.durationCapped)
    : lossless(formatTimespan(cs));
}
