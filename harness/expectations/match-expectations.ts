// Which expectation applies to a property in a run: the last entry for it whose every `when` condition holds in
// the run's run_info (a condition with a list accepts any of its values).
import type { RunInfo } from "../reporting/run-info.ts";
import type { Expectation } from "./expectations-format.ts";

export function conditionsHold(when: Expectation["when"], info: RunInfo): boolean {
  return Object.entries(when).every(([key, accepted]) => {
    const actual = info[key as keyof RunInfo];
    return actual !== undefined && [accepted].flat().includes(actual);
  });
}

export function expectationFor<E extends Expectation>(
  property: string,
  entries: readonly E[],
  info: RunInfo,
): E | undefined {
  return [...entries].reverse().find((e) => e.property === property && conditionsHold(e.when, info));
}

/** The entries that apply to a run (the last one per property). */
export function expectationsForRun<E extends Expectation>(entries: readonly E[], info: RunInfo): E[] {
  const properties = [...new Set(entries.map((e) => e.property))];
  return properties.map((id) => expectationFor(id, entries, info)).filter((e): e is E => e !== undefined);
}
