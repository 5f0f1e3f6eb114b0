// Normalises golden and twin scorm_scoes_value rows to {sco, attempt, element, value} and lists their differences.
import type { StoredTrack } from "../lms-driver/lms-driver.ts";
import { fnv1a32, isValueSummary, summarise } from "./generated-values.ts";
import type { GoldenScenario, GoldenValue, ValueSummary } from "./scenario-types.ts";

/** What a value is compared by (length and FNV-1a 32), and how it is shown. */
export interface ComparableValue {
  len: number;
  fnv: string;
  shown: ShownValue;
}

/** A value in reports and in the expectations file: the text, or a summary when long. */
export type ShownValue = string | Required<ValueSummary>;

export interface NormalRow {
  sco: string;
  attempt: number;
  element: string;
  value: ComparableValue;
}

export type Difference =
  | { kind: "missing"; sco: string; attempt: number; element: string; expected: ShownValue }
  | { kind: "extra"; sco: string; attempt: number; element: string; actual: ShownValue }
  | {
      kind: "different";
      sco: string;
      attempt: number;
      element: string;
      expected: ShownValue;
      actual: ShownValue;
    };

/** Values longer than this are shown as summaries. */
export const SHOW_LIMIT = 200;
/** Stored once by player.php with the launch time: compared by presence only. */
const START_TIME = "x.start.time";
const TS = "<ts>";

export function comparable(value: string): ComparableValue {
  return {
    len: value.length,
    fnv: fnv1a32(value),
    shown: value.length > SHOW_LIMIT ? summarise(value) : value,
  };
}

function fromGolden(value: GoldenValue): ComparableValue {
  if (typeof value === "string") return comparable(value);
  if (!isValueSummary(value)) throw new Error(`Unreadable golden value ${JSON.stringify(value)}`);
  return {
    len: value.len,
    fnv: value.fnv,
    shown: { len: value.len, fnv: value.fnv, head: value.head ?? "", tail: value.tail ?? "" },
  };
}

/** `<sco:ITEM-1>` -> `ITEM-1`; other tokens stay as they are. */
export const scoFromToken = (token: string): string => /^<sco:([^>]+)>$/.exec(token)?.[1] ?? token;

/** `<attempt:student1#2>` -> 2. */
export function attemptFromToken(token: string): number {
  const m = /#(\d+)>$/.exec(token);
  if (!m) throw new Error(`Unreadable attempt token ${token}`);
  return Number(m[1]);
}

const row = (sco: string, attempt: number, element: string, value: GoldenValue): NormalRow => ({
  sco,
  attempt,
  element,
  value: fromGolden(element === START_TIME ? TS : value),
});

/**
 * What Moodle stored for the scenario's actor: `db.values` after the last launch, or the snapshot taken after
 * launch `afterLaunch` when only the first launches are replayed.
 */
export function goldenRows(s: GoldenScenario, afterLaunch?: number): NormalRow[] {
  const user = `<${s.actor}>`;
  if (afterLaunch === undefined || afterLaunch === s.launches.length - 1) {
    return s.db.values
      .filter((v) => v.userid === user)
      .map((v) => row(scoFromToken(v.scoid), v.attempt, v.element, v.value));
  }
  const snapshot = s.db_snapshots.find((x) => x.after_launch === afterLaunch);
  if (!snapshot) throw new Error(`${s.name} has no db snapshot after launch ${afterLaunch}`);
  return snapshot.values
    .filter(([attempt]) => attempt.startsWith(`<attempt:${s.actor}#`))
    .map(([attempt, sco, element, value]) =>
      row(scoFromToken(sco), attemptFromToken(attempt), element, value),
    );
}

/** What the twin stored, SCO ids replaced by identifiers. */
export function twinRows(
  tracks: readonly StoredTrack[],
  scoIdentifiers: ReadonlyMap<number, string>,
): NormalRow[] {
  return tracks.map((t) => ({
    sco: scoIdentifiers.get(Number(t.scoid)) ?? `<sco?${t.scoid}>`,
    attempt: Number(t.attempt),
    element: t.element,
    value: comparable(t.element === START_TIME ? TS : String(t.value)),
  }));
}

const key = (r: Pick<NormalRow, "sco" | "attempt" | "element">): string =>
  `${r.sco}\u0000${r.attempt}\u0000${r.element}`;

/** Missing, extra and different values, in the order of the golden rows then the twin's extra rows. */
export function diffRows(expected: readonly NormalRow[], actual: readonly NormalRow[]): Difference[] {
  const byKey = new Map<string, NormalRow>();
  for (const r of actual) if (!byKey.has(key(r))) byKey.set(key(r), r);
  const seen = new Set<string>();
  const diffs: Difference[] = [];
  for (const e of expected) {
    const k = key(e);
    seen.add(k);
    const a = byKey.get(k);
    const where = { sco: e.sco, attempt: e.attempt, element: e.element };
    if (!a) diffs.push({ kind: "missing", ...where, expected: e.value.shown });
    else if (a.value.len !== e.value.len || a.value.fnv !== e.value.fnv)
      diffs.push({ kind: "different", ...where, expected: e.value.shown, actual: a.value.shown });
  }
  for (const a of actual) {
    // A second row for the same (SCO, attempt, element) is extra too: Moodle's upsert never makes one.
    if (seen.has(key(a)) && byKey.get(key(a)) === a) continue;
    diffs.push({ kind: "extra", sco: a.sco, attempt: a.attempt, element: a.element, actual: a.value.shown });
  }
  return diffs;
}
