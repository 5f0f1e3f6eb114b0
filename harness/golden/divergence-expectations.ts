// The documented golden divergences (conformance/expectations/golden-divergences.json): loading, checking, judging.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { DIRECT_SCO } from "./direct-request-plan.ts";
import { isValueSummary } from "./generated-values.ts";
import type { ScopeKind } from "./scenario-scope.ts";
import { comparable, type Difference, type ShownValue } from "./stored-values-diff.ts";

export const EXPECTATIONS_PATH = "conformance/expectations/golden-divergences.json";
export const EXPECTATIONS_FILE = path.join(PROJECT_ROOT, EXPECTATIONS_PATH);

/** A difference we know about. `expected`/`actual`, when given, must match too; `reason` says why it exists. */
export interface ListedDivergence {
  kind: Difference["kind"];
  sco: string;
  attempt: number;
  element: string;
  expected?: ShownValue;
  actual?: ShownValue;
  reason: string;
}

export interface ScenarioExpectation {
  scope: ScopeKind;
  reason?: string;
  divergences?: ListedDivergence[];
}

export interface DivergenceExpectations {
  golden: string;
  scenarios: Record<string, ScenarioExpectation>;
}

const KINDS = new Set(["missing", "extra", "different"]);

export function loadExpectations(file = EXPECTATIONS_FILE): DivergenceExpectations {
  const json = JSON.parse(readFileSync(file, "utf8")) as DivergenceExpectations;
  if (typeof json !== "object" || json === null || typeof json.scenarios !== "object")
    throw new Error(`${file}: expected {golden, scenarios: {...}}`);
  return json;
}

/** Problems with the file itself: unknown scenarios, scopes that disagree with the code, entries without reasons. */
export function expectationsProblems(
  expectations: DivergenceExpectations,
  scopes: ReadonlyMap<string, { kind: ScopeKind; reason: string }>,
): string[] {
  const problems: string[] = [];
  for (const [name, scope] of scopes) {
    const entry = expectations.scenarios[name];
    if (!entry) {
      problems.push(`${name}: no entry (add {"scope": "${scope.kind}", ...})`);
      continue;
    }
    if (entry.scope !== scope.kind)
      problems.push(`${name}: scope is "${entry.scope}", the replay says "${scope.kind}" (${scope.reason})`);
    if (entry.scope === "out" && !entry.reason?.trim())
      problems.push(`${name}: out of scope without a reason`);
    if (entry.scope === "out" && (entry.divergences?.length ?? 0) > 0)
      problems.push(`${name}: out of scope but lists divergences`);
    for (const [i, d] of (entry.divergences ?? []).entries()) {
      const where = `${name}: divergences[${i}]`;
      if (!KINDS.has(d.kind)) problems.push(`${where}: kind must be missing, extra or different`);
      if (typeof d.sco !== "string" || !Number.isInteger(d.attempt) || typeof d.element !== "string")
        problems.push(`${where}: needs sco, attempt and element`);
      if (typeof d.reason !== "string" || d.reason.trim().length < 5)
        problems.push(`${where}: needs a reason`);
    }
  }
  for (const name of Object.keys(expectations.scenarios))
    if (!scopes.has(name)) problems.push(`${name}: listed but there is no such golden scenario`);
  return problems;
}

function sameShown(a: ShownValue, b: ShownValue): boolean {
  const measure = (x: ShownValue) => (typeof x === "string" ? comparable(x) : x);
  if (typeof a !== "string" && !isValueSummary(a)) return false;
  if (typeof b !== "string" && !isValueSummary(b)) return false;
  const ma = measure(a);
  const mb = measure(b);
  return ma.len === mb.len && ma.fnv === mb.fnv;
}

function matches(d: Difference, e: ListedDivergence): boolean {
  if (d.kind !== e.kind || d.sco !== e.sco || d.attempt !== e.attempt || d.element !== e.element)
    return false;
  if (e.expected !== undefined && (d.kind === "extra" || !sameShown(d.expected, e.expected))) return false;
  if (e.actual !== undefined && (d.kind === "missing" || !sameShown(d.actual, e.actual))) return false;
  return true;
}

export interface Verdict {
  matched: Array<{ difference: Difference; entry: ListedDivergence }>;
  /** Observed, not listed: a regression, or a divergence to document. */
  unlisted: Difference[];
  /** Listed, no longer observed: remove from the file. */
  stale: ListedDivergence[];
}

export function judge(observed: readonly Difference[], listed: readonly ListedDivergence[]): Verdict {
  const unused = [...listed];
  const verdict: Verdict = { matched: [], unlisted: [], stale: [] };
  for (const difference of observed) {
    const i = unused.findIndex((e) => matches(difference, e));
    if (i < 0) verdict.unlisted.push(difference);
    else verdict.matched.push({ difference, entry: unused.splice(i, 1)[0]! });
  }
  verdict.stale = unused;
  return verdict;
}

const show = (v: ShownValue | undefined): string =>
  v === undefined ? "(any)" : typeof v === "string" ? JSON.stringify(v) : `{len ${v.len}, fnv ${v.fnv}}`;

export function describeDifference(d: Difference | ListedDivergence): string {
  const where = `${d.sco}#${d.attempt} ${d.element}`;
  const expected = "expected" in d ? d.expected : undefined;
  const actual = "actual" in d ? d.actual : undefined;
  if (d.sco === DIRECT_SCO)
    return `contract  ${d.element}: wanted ${show(expected)}, the plugin ${show(actual)}`;
  if (d.kind === "missing") return `missing   ${where}: Moodle stored ${show(expected)}, the twin nothing`;
  if (d.kind === "extra") return `extra     ${where}: the twin stored ${show(actual)}, Moodle nothing`;
  return `different ${where}: Moodle ${show(expected)}, twin ${show(actual)}`;
}

/** Empty when the verdict passes; otherwise what to fix or which entries to add or remove. */
export function verdictMessage(scenario: string, verdict: Verdict): string {
  const parts: string[] = [];
  if (verdict.unlisted.length > 0) {
    parts.push(
      `${verdict.unlisted.length} difference(s) from Moodle 4.5.6 not listed in ${EXPECTATIONS_PATH} ` +
        `(fix the bridge/twin, or document each under scenarios.${scenario}.divergences with a reason):`,
      ...verdict.unlisted.map((d) => `  ${describeDifference(d)}`),
      "  entries to paste (fill in the reason):",
      ...verdict.unlisted.map((d) => `  ${JSON.stringify({ ...d, reason: "TODO" })},`),
    );
  }
  if (verdict.stale.length > 0) {
    parts.push(
      `${verdict.stale.length} listed divergence(s) no longer occur: the twin now stores what Moodle stores. ` +
        `Remove these entries from scenarios.${scenario}.divergences in ${EXPECTATIONS_PATH}:`,
      ...verdict.stale.map((e) => `  ${describeDifference(e)}  [reason was: ${e.reason}]`),
    );
  }
  return parts.length === 0 ? "" : [`Golden parity ${scenario}:`, ...parts].join("\n");
}
