// P25 cases: one SCO version, encryption at rest on or off, and one or two learners with one or two attempts each,
// every attempt storing suspend_data, a location and a score made of text a download could mangle.
import fc from "fast-check";
import { EVERY_STORED_TEXT_UNIT, storedText } from "./stored-text-arbitrary.ts";

export interface ExportAttempt {
  suspendData: string;
  location: string;
  score: number;
}

export interface ExportCase {
  version: "1.2" | "2004";
  encrypt: boolean;
  /** Per learner, their attempts in order. */
  learners: ExportAttempt[][];
}

const attempt = fc.record({
  suspendData: storedText(0, 120),
  location: storedText(0, 60),
  score: fc.integer({ min: 0, max: 100 }),
});

export function exportArbitrary(): fc.Arbitrary<ExportCase> {
  return fc.record({
    version: fc.constantFrom("1.2" as const, "2004" as const),
    encrypt: fc.boolean(),
    learners: fc
      .array(fc.array(attempt, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
      .filter((ls) => ls.flat().length <= 3),
  });
}

export function exportExamples(): ExportCase[] {
  return [
    {
      version: "1.2",
      encrypt: true,
      learners: [[{ suspendData: EVERY_STORED_TEXT_UNIT, location: 'a\tb\nc"d', score: 75 }]],
    },
  ];
}
