// Text the data model accepts as a characterstring: any Unicode graphemes but the C0 control characters.
import fc from "fast-check";

export function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20) return true;
  return false;
}

export function printableText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: "grapheme", minLength, maxLength }).filter((s) => !hasControlCharacters(s));
}
