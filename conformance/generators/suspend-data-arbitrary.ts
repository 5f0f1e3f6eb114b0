// Generates suspend_data up to each version's limit: short and long, exactly at the limit, from an
// alphabet with markup, quotes, percent signs, non-Latin text and astral characters.
import fc from "fast-check";
import type { DeclaredVersion } from "./manifest-arbitrary.ts";

/** 4,096 in SCORM 1.2 (as Moodle is configured), 64,000 in 2004: UTF-16 code units, as the runtime counts. */
export const SUSPEND_DATA_LIMIT: Record<DeclaredVersion, number> = { "1.2": 4096, "2004": 64000 };

export const SPECIAL_CHARACTERS = "é € 中 Ω ß \" & % + = < > \\ ' / ? # {} [] ; , \u00a0 😀 𝄞";

const piece = fc.oneof(
  fc.constantFrom(...SPECIAL_CHARACTERS.split(" ")),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
  fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 6 }),
);

/** Repeats `pattern` to exactly `length` UTF-16 units, never splitting a surrogate pair (may end 1 short). */
export function fillTo(pattern: string, length: number): string {
  if (length === 0 || pattern === "") return "";
  let out = pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

export interface SuspendDataCase {
  version: DeclaredVersion;
  data: string;
}

export function suspendDataArbitrary(): fc.Arbitrary<SuspendDataCase> {
  return fc.constantFrom<DeclaredVersion>("1.2", "2004").chain((version) => {
    const limit = SUSPEND_DATA_LIMIT[version];
    const length = fc.oneof(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: limit - 200, max: limit }),
      fc.integer({ min: 0, max: limit }),
    );
    return fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 20 }), length)
      .map(([pieces, n]) => ({ version, data: fillTo(pieces.join(""), n) }));
  });
}

export function suspendDataExamples(): SuspendDataCase[] {
  return (["1.2", "2004"] as const).flatMap((version) => [
    { version, data: fillTo(SPECIAL_CHARACTERS, SUSPEND_DATA_LIMIT[version]) },
    { version, data: "" },
  ]);
}
