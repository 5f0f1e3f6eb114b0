// What the activity's export must hold (P25, moodle-scorm-contract §6): exactly one row per stored track of the
// activity's learners — learner, attempt, SCO, element — with the value the SCO wrote (the plaintext, where the
// LMS stores it encrypted), and nothing else.
import type { StoredTrack } from "../lms-driver/lms-driver.ts";
import type { ExportRow } from "../lms-driver/teacher-side.ts";

export interface ExpectedExportRow {
  username: string;
  attempt: number;
  sco: string;
  element: string;
  value: string;
}

/**
 * The rows expected from SQL tracks: `written` holds the plaintext the SCO wrote, by username, attempt and
 * element, for the elements the LMS keeps encrypted; other values must come out as stored.
 */
export function expectedExportRows(
  learners: ReadonlyArray<{ username: string; tracks: readonly StoredTrack[] }>,
  scoIdentifier: (scoid: number) => string,
  written: ReadonlyMap<string, string>,
): ExpectedExportRow[] {
  return learners.flatMap(({ username, tracks }) =>
    tracks.map((t) => ({
      username,
      attempt: t.attempt,
      sco: scoIdentifier(t.scoid),
      element: t.element,
      value: written.get(writtenKey(username, t.attempt, t.element)) ?? t.value,
    })),
  );
}

export const writtenKey = (username: string, attempt: number, element: string): string =>
  JSON.stringify([username, attempt, element]);

const order = (r: ExpectedExportRow): string =>
  JSON.stringify([r.username, r.attempt, r.sco, r.element, r.value]);

/** Both sides in one canonical order, for a multiset comparison. */
export function canonicalRows(rows: ReadonlyArray<ExpectedExportRow | ExportRow>): ExpectedExportRow[] {
  return rows
    .map(({ username, attempt, sco, element, value }) => ({ username, attempt, sco, element, value }))
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
