// Checks the stored tracks against the last value written per element: every element stored exactly once, in
// the expected attempt, with exactly that value. Returns what differs (empty: all good).
import type { StoredTrack } from "../lms-driver/lms-driver.ts";

export interface StoredMismatch {
  element: string;
  expected: string;
  stored: Array<{ value: string; attempt: number }>;
}

export function storedOnceMismatches(
  rows: readonly StoredTrack[],
  expected: ReadonlyMap<string, string>,
  attempt = 1,
): StoredMismatch[] {
  const out: StoredMismatch[] = [];
  for (const [element, value] of expected) {
    const stored = rows
      .filter((r) => r.element === element)
      .map((r) => ({ value: r.value, attempt: r.attempt }));
    if (stored.length !== 1 || stored[0]?.value !== value || stored[0]?.attempt !== attempt) {
      out.push({ element, expected: value, stored });
    }
  }
  return out;
}
