// Converts 1.2 CMITime (interaction time of day) <-> 2004 timestamp (ISO 8601 date-time), which needs a date one way.
//
// 1.2 cmi.interactions.n.time is HH:MM:SS[.S[S]] with no date and no time zone; 2004 cmi.interactions.n.timestamp
// is YYYY[-MM[-DD[Thh[:mm[:ss[.s[s]][TZD]]]]]] with the year in 1970..2038. Going to 2004 the date must be supplied
// (the session date), otherwise the value is left out (LOSS.timeNoDate); the result is a local time (no TZD).
// Going to 1.2 the date and time zone are dropped (LOSS.timeDateDropped); missing minutes/seconds count as 00.
import { MappingError, quote } from "./errors.ts";
import { LOSS } from "./losses.ts";
import { lossy, type Converted } from "./types.ts";

const TIME_12 = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_2004 =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T([01]\d|2[0-3])(?::([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,2}))?(Z|[+-](?:[01]\d|2[0-3])(?::[0-5]\d)?)?)?)?)?)?)?$/;

export interface Timestamp2004 {
  year: number;
  month?: number;
  day?: number;
  /** Time of day in centiseconds, when the timestamp has one. */
  timeCs?: number;
  zone?: string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function checkDate(year: number, month: number | undefined, day: number | undefined, value: string): void {
  if (year < 1970 || year > 2038)
    throw new MappingError(`${quote(value)}: the year must be 1970..2038 (SCORM 2004 time(second,10,2))`);
  if (month !== undefined && (month < 1 || month > 12))
    throw new MappingError(`${quote(value)}: no month ${month}`);
  if (month !== undefined && day !== undefined) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days)
      throw new MappingError(`${quote(value)}: no day ${day} in ${year}-${pad2(month)}`);
  }
}

/** Parses a 1.2 CMITime HH:MM:SS[.SS] (00:00:00 to 23:59:59.99) to centiseconds since midnight. */
export function parseTime12(value: string): number {
  const m = TIME_12.exec(value);
  if (!m)
    throw new MappingError(
      `${quote(value)} is not a SCORM 1.2 CMITime (HH:MM:SS.SS, 00:00:00 to 23:59:59.99)`,
    );
  const [, h, min, s, frac] = m;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 100 + Number((frac ?? "").padEnd(2, "0"));
}

/** Formats centiseconds since midnight as a canonical 1.2 CMITime (.SS only when the fraction is not zero). */
export function formatTime12(cs: number): string {
  if (!Number.isInteger(cs) || cs < 0 || cs >= 24 * 3600 * 100)
    throw new MappingError(`${cs} centiseconds is not a time of day`);
  const s = Math.floor(cs / 100);
  const frac = cs % 100;
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}${frac ? `.${pad2(frac)}` : ""}`;
}

/** Parses a 2004 timestamp YYYY[-MM[-DD[Thh[:mm[:ss[.s[s]][TZD]]]]]]. */
export function parseTimestamp2004(value: string): Timestamp2004 {
  const m = TIMESTAMP_2004.exec(value);
  if (!m)
    throw new MappingError(
      `${quote(value)} is not a SCORM 2004 timestamp (YYYY[-MM[-DD[Thh[:mm[:ss[.s][TZD]]]]]], at most 2 fractional digits)`,
    );
  const [, y, mo, d, h, min, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? undefined : Number(mo);
  const day = d === undefined ? undefined : Number(d);
  checkDate(year, month, day, value);
  const result: Timestamp2004 = { year };
  if (month !== undefined) result.month = month;
  if (day !== undefined) result.day = day;
  if (h !== undefined)
    result.timeCs =
      ((Number(h) * 60 + Number(min ?? 0)) * 60 + Number(s ?? 0)) * 100 + Number((frac ?? "").padEnd(2, "0"));
  if (zone !== undefined) result.zone = zone;
  return result;
}

/** Checks a session date YYYY-MM-DD (a real calendar date, year 1970..2038). */
export function checkSessionDate(date: string): void {
  const m = DATE.exec(date);
  if (!m) throw new MappingError(`session date ${quote(date)} is not YYYY-MM-DD`);
  checkDate(Number(m[1]), Number(m[2]), Number(m[3]), date);
}

/** 1.2 CMITime + the session date (YYYY-MM-DD) -> 2004 timestamp "YYYY-MM-DDThh:mm:ss[.ss]" (local time). */
export function time12ToTimestamp2004(time: string, date: string): string {
  checkSessionDate(date);
  return `${date}T${formatTime12(parseTime12(time))}`;
}

/** 2004 timestamp -> 1.2 CMITime: the time of day; the date and zone are dropped (always LOSS.timeDateDropped). */
export function timestamp2004ToTime12(value: string): Converted<string | null> {
  const { timeCs } = parseTimestamp2004(value);
  return timeCs === undefined
    ? lossy(null, LOSS.timeNoTimeOfDay)
    : lossy(formatTime12(timeCs), LOSS.timeDateDropped);
}
