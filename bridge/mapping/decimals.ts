// Parses and formats the SCORM decimal types (1.2 CMIDecimal, 2004 real(10,7)) without float surprises.
import { MappingError, quote } from "./errors.ts";

/** A plain decimal: optional minus, digits, optional fraction (".5" allowed; no "+", exponent or trailing "."). */
const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

export function isDecimal(value: string): boolean {
  return DECIMAL.test(value);
}

/** Parses a 1.2 CMIDecimal or 2004 real(10,7); `what` names the element or type for the error message. */
export function parseDecimal(value: string, what: string): number {
  if (!DECIMAL.test(value)) throw new MappingError(`${what}: ${quote(value)} is not a decimal number`);
  const n = Number(value);
  if (!Number.isFinite(n)) throw new MappingError(`${what}: ${quote(value)} is out of range`);
  return n;
}

/** Parses a decimal and checks it lies in [min, max]. */
export function parseDecimalIn(value: string, min: number, max: number, what: string): number {
  const n = parseDecimal(value, what);
  if (n < min || n > max) throw new MappingError(`${what}: ${quote(value)} is outside ${min}..${max}`);
  return n;
}

/** Formats a number as a plain decimal, rounded to 7 fractional digits (real(10,7)), no exponent, no "-0". */
export function formatDecimal(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) throw new MappingError(`cannot format ${n} as a decimal`);
  const fixed = n.toFixed(7).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
}

/** Canonical spelling of a decimal string: no superfluous zeros, "0" rather than "-0". Exact (string based). */
export function canonicalDecimal(value: string, what = "decimal"): string {
  return shiftDecimal(value, 0, what);
}

/** Multiplies a decimal string by 10^places exactly, by moving its decimal point; returns the canonical spelling. */
export function shiftDecimal(value: string, places: number, what = "decimal"): string {
  if (!DECIMAL.test(value)) throw new MappingError(`${what}: ${quote(value)} is not a decimal number`);
  const negative = value.startsWith("-");
  const [intPart = "", fracPart = ""] = (negative ? value.slice(1) : value).split(".");
  let digits = intPart + fracPart;
  let point = intPart.length + places;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const int = digits.slice(0, point).replace(/^0+/, "") || "0";
  const frac = digits.slice(point).replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return negative && body !== "0" ? `-${body}` : body;
}
