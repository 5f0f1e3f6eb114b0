// Text a learner's SCO stores and a teacher later reads back: letters, spaces, tabs, line breaks, quotes,
// backslashes and characters outside the BMP — everything a download or an encryption could mangle.
import fc from "fast-check";

export const STORED_TEXT_UNITS = [
  "a",
  "Z",
  "7",
  " ",
  "\t",
  "\n",
  "\r",
  '"',
  "'",
  "\\",
  ",",
  ";",
  "é",
  "中",
  "😀",
  "<",
  "&",
];

/** Text of minLength..maxLength code points from STORED_TEXT_UNITS. */
export function storedText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...STORED_TEXT_UNITS), minLength, maxLength });
}

/** A fixed value with every troublesome unit at least once. */
export const EVERY_STORED_TEXT_UNIT = `${STORED_TEXT_UNITS.join("")}-end`;
