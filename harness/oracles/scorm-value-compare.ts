// How the suite compares SCORM values, the way ADL's test suite does: durations by total seconds, reals
// numerically. Written from the SCORM 1.2 (CMITimespan) and 2004 (timeinterval, ISO 8601) data type definitions,
// independently of any bridge's code. Years and months count 365 and 30 days: an assumption the specs leave open,
// which is why the suite's generators never write Y or M designators.

const TIMESPAN = /^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/;
const INTERVAL = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/;

/** Total seconds of a 1.2 CMITimespan (HHHH:MM:SS.SS); null when the value is not one. */
export function timespanSeconds(value: string): number | null {
  const m = TIMESPAN.exec(value);
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0);
}

/** Total seconds of a 2004 timeinterval (ISO 8601 duration, centisecond precision); null when it is not one. */
export function intervalSeconds(value: string): number | null {
  const m = INTERVAL.exec(value);
  if (!m || value === "P" || value.endsWith("T")) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return ((y * 365 + mo * 30 + d) * 24 + h) * 3600 + mi * 60 + s;
}

/** Equal as reals (both parse as finite numbers and differ by less than the tolerance). */
export function sameReal(a: string, b: string, tolerance = 1e-7): boolean {
  const x = Number(a);
  const y = Number(b);
  return (
    a.trim() !== "" &&
    b.trim() !== "" &&
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    Math.abs(x - y) < tolerance
  );
}

/** Equal durations, each written in either version's format, to the centisecond. */
export function sameDuration(a: string, b: string): boolean {
  const x = timespanSeconds(a) ?? intervalSeconds(a);
  const y = timespanSeconds(b) ?? intervalSeconds(b);
  return x !== null && y !== null && Math.abs(x - y) < 0.005;
}

/** Equal as the same element's values compare: identical text, the same real, or the same duration. */
export function sameScormValue(a: string, b: string): boolean {
  return a === b || sameReal(a, b) || sameDuration(a, b);
}
