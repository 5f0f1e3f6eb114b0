// One benchmark figure as the table and bench.json show it: a value, its target, and whether it was met.
export interface Metric {
  /** Short name, e.g. "frame.js gzipped". */
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "<= 60 KiB"; empty when the figure is informational. */
  target: string;
  /** null when the figure has no target. */
  met: boolean | null;
}

/** A metric with an upper bound. */
export function atMost(name: string, value: number, unit: string, limit: number, target: string): Metric {
  return { name, value, unit, target, met: value <= limit };
}

/** A metric with a lower bound. */
export function atLeast(name: string, value: number, unit: string, floor: number, target: string): Metric {
  return { name, value, unit, target, met: value >= floor };
}

/** A metric reported for information only. */
export function info(name: string, value: number, unit: string): Metric {
  return { name, value, unit, target: "", met: null };
}

/** A yes/no outcome with an expected answer of yes. */
export function check(name: string, ok: boolean, target = "yes"): Metric {
  return { name, value: ok ? 1 : 0, unit: "bool", target, met: ok };
}

/** A count that must equal an expected number. */
export function exactly(name: string, value: number, unit: string, expected: number): Metric {
  return { name, value, unit, target: `= ${expected}`, met: value === expected };
}
