// Compares the attempt status the view page showed before each replayed Enter with what Moodle 4.5.6's view page
// showed before the recorded one (launches[].view_text): attempts allowed and made, each attempt's grade, the grading
// method and the grade reported (scorm_get_attempt_status). Differences use the stored-values shape: sco "(view)",
// attempt = the launch index, element the line's label ("Grade reported"), value the text after ": ".
import type { GoldenScenario } from "./scenario-types.ts";
import type { Difference } from "./stored-values-diff.ts";

export const VIEW_SCO = "(view)";

const STATUS_LINE =
  /^(Number of attempts allowed|Number of attempts you have made|Grade for attempt \d+|Grading method|Grade reported): (.*)$/;
const EXCEEDED = "You have reached the maximum number of attempts.";

/** What the view page said before Enter in one replayed launch: its text, one entry per line. */
export interface ViewObservation {
  launch: number;
  text: string[];
}

/** The attempt status lines of a view page's text, as label → value in page order. */
export function attemptStatusLines(text: readonly string[]): Map<string, string> {
  const lines = new Map<string, string>();
  for (const raw of text) {
    const line = raw.trim();
    const match = STATUS_LINE.exec(line);
    if (match) lines.set(match[1]!, match[2]!.trim());
    else if (line === EXCEEDED) lines.set(EXCEEDED, "");
  }
  return lines;
}

export function diffViewPages(s: GoldenScenario, observed: readonly ViewObservation[]): Difference[] {
  const diffs: Difference[] = [];
  for (const o of observed) {
    const recorded = s.launches.find((l) => l.index === o.launch)?.view_text;
    if (!recorded) continue;
    const expected = attemptStatusLines(recorded);
    const actual = attemptStatusLines(o.text);
    const base = { sco: VIEW_SCO, attempt: o.launch };
    for (const [element, value] of expected) {
      const got = actual.get(element);
      if (got === undefined) diffs.push({ kind: "missing", ...base, element, expected: value });
      else if (got !== value)
        diffs.push({ kind: "different", ...base, element, expected: value, actual: got });
    }
    for (const [element, value] of actual)
      if (!expected.has(element)) diffs.push({ kind: "extra", ...base, element, actual: value });
  }
  return diffs;
}
