// Maps identifiers and character strings 1.2 <-> 2004: length limits, identifier syntax, {lang=...} delimiters.
//
// - 1.2 CMIIdentifier: 1-255 printable ASCII characters without spaces; 2004 long_identifier_type: 1-4000
//   characters without whitespace or control characters. Every 1.2 identifier is a 2004 one; a 2004 identifier
//   that is not a 1.2 one is left out (LOSS.identifier12).
// - 1.2 strings have hard maxima (255 or 4096): a longer 2004 value is left out, never truncated
//   (LOSS.tooLong12). 2004 maxima are smallest permitted maxima, so 1.2 values are carried over unchanged.
// - 2004 localized strings (learner_name, comments) may start with {lang=xx}: dropped going to 1.2
//   (LOSS.langDropped). A 1.2 string that itself starts with "{lang=" gets the 2004 default "{lang=en}" in
//   front, so that 2004 reads it literally.
// Lengths count UTF-16 code units, as the SCORM runtimes do.
import { MappingError, quote } from "./errors.ts";
import { LOSS } from "./losses.ts";
import { lossless, lossy, type Converted } from "./types.ts";

const IDENTIFIER_12 = /^[\x21-\x7E]{1,255}$/;
// eslint-disable-next-line no-control-regex
const IDENTIFIER_2004 = /^[^\s\x00-\x1F\x7F]{1,4000}$/u;
const LANG_DELIMITER = /^\{lang=[^}]*\}/;

export function isIdentifier12(value: string): boolean {
  return IDENTIFIER_12.test(value);
}

/** 1.2 CMIIdentifier -> 2004 long identifier (lossless). */
export function identifier12To2004(value: string, what = "SCORM 1.2 identifier"): string {
  if (!IDENTIFIER_12.test(value))
    throw new MappingError(
      `${what}: ${quote(value)} is not a CMIIdentifier (1-255 printable ASCII, no spaces)`,
    );
  return value;
}

/** 2004 long identifier -> 1.2 CMIIdentifier; one that does not fit 1.2 -> null. */
export function identifier2004To12(value: string, what = "SCORM 2004 identifier"): Converted<string | null> {
  if (!IDENTIFIER_2004.test(value))
    throw new MappingError(
      `${what}: ${quote(value)} is not an identifier (1-4000 characters, no whitespace)`,
    );
  return IDENTIFIER_12.test(value) ? lossless(value) : lossy(null, LOSS.identifier12);
}

/** 1.2 string (at most max12 characters) -> 2004 (unchanged). */
export function text12To2004(value: string, max12: number, what = "SCORM 1.2 string"): string {
  if (value.length > max12) throw new MappingError(`${what}: longer than ${max12} characters`);
  return value;
}

/** 2004 string -> 1.2 string of at most max12 characters; longer -> null. */
export function text2004To12(value: string, max12: number): Converted<string | null> {
  return value.length > max12 ? lossy(null, LOSS.tooLong12) : lossless(value);
}

/** 1.2 string -> 2004 localized string (unchanged unless it starts with "{lang=", see above). */
export function localizedText12To2004(value: string, max12: number, what = "SCORM 1.2 string"): string {
  text12To2004(value, max12, what);
  return value.startsWith("{lang=") ? `{lang=en}${value}` : value;
}

/** 2004 localized string -> 1.2: the {lang=...} delimiter dropped; longer than max12 -> null. */
export function localizedText2004To12(value: string, max12: number): Converted<string | null> {
  const m = LANG_DELIMITER.exec(value);
  const text = m ? value.slice(m[0].length) : value;
  if (text.length > max12) return lossy(null, LOSS.tooLong12);
  if (m && m[0] === "{lang=en}" && text.startsWith("{lang=")) return lossless(text);
  return m ? lossy(text, LOSS.langDropped) : lossless(text);
}
