// Generates a SCO's writes in rounds, each round closed by a Commit: free-text elements of the chosen version
// written one or more times with values that never repeat, so a lost op, a doubled op or an old op replayed over
// a newer one all leave a different final value than the last one written.
import fc from "fast-check";
import type { ProbeCall } from "../../harness/probe/probe-client.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";

export type ScormVersion = "1.2" | "2004";
export type Write = [element: string, value: string];

export interface CommittedWrites {
  version: ScormVersion;
  rounds: Write[][];
}

const ELEMENTS: Record<ScormVersion, string[]> = {
  "1.2": ["cmi.core.lesson_location", "cmi.suspend_data", "cmi.core.score.raw"],
  "2004": ["cmi.location", "cmi.suspend_data", "cmi.score.raw"],
};

function valueFor(element: string, round: number, index: number, word: string): string {
  return element.endsWith("score.raw") ? String(round * 10 + index) : `r${round}w${index}-${word}`;
}

export function committedWritesArbitrary(maxRounds = 3): fc.Arbitrary<CommittedWrites> {
  return fc.constantFrom<ScormVersion>("1.2", "2004").chain((version) =>
    fc
      .array(
        fc.array(fc.tuple(fc.constantFrom(...ELEMENTS[version]), fc.stringMatching(/^[A-Za-z0-9]{1,8}$/)), {
          minLength: 1,
          maxLength: 3,
        }),
        { minLength: 1, maxLength: maxRounds },
      )
      .map((rounds) => ({
        version,
        rounds: rounds.map((round, r) =>
          round.map(([element, word], i): Write => [element, valueFor(element, r + 1, i, word)]),
        ),
      })),
  );
}

/** The probe calls: one round's SetValues then Commit (no Initialize; see `initCall`). */
export function roundCalls(version: ScormVersion, round: readonly Write[]): ProbeCall[] {
  const api = SCORM_API[version];
  return [...round.map(([e, v]): ProbeCall => [api.set, e, v]), [api.commit, ""]];
}

export function initCall(version: ScormVersion): ProbeCall {
  return [SCORM_API[version].init, ""];
}

/** Element → the last value written, over all rounds. */
export function lastValues(rounds: readonly (readonly Write[])[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const round of rounds) for (const [e, v] of round) last.set(e, v);
  return last;
}
