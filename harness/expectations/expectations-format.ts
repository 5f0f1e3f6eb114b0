// Property expectations (conformance/expectations/<name>.json): which property results a bridge is known to give
// in which runs, and why. The file format and its validation; every problem is reported with the file, the entry
// and what to write instead.
import { bridgeNames } from "../bridges/resolve-bridge.ts";
import { propertyById } from "../properties/registry.ts";
import { RUN_INFO_KEYS } from "../reporting/run-info.ts";

export const EXPECTATIONS_FORMAT = "property-expectations/1";
/** What `update-expectations` writes as the reason of a new entry; loading warns about it loudly. */
export const PLACEHOLDER_REASON = "TODO: explain";

export type ExpectedStatus = "PASS" | "FAIL";
export type ExpectationKind = "known-divergence" | "known-intermittent";

export interface Expectation {
  property: string;
  /** The statuses the property may end with in a matching run (wptrunner's `expected`; more than one = intermittent). */
  expected: ExpectedStatus[];
  /** run_info conditions, all of which must hold: a value, or a list of accepted values. `bridge` is required. */
  when: Record<string, string | string[]>;
  kind: ExpectationKind;
  reason: string;
  /** YYYY-MM-DD, the last day the expectation applies (required for known intermittents). */
  expires?: string;
}

export interface ExpectationsFile {
  format: typeof EXPECTATIONS_FORMAT;
  about?: string;
  expectations: Expectation[];
}

/** An expectation as applied to a property result in results.json. */
export interface AppliedExpectation {
  kind: ExpectationKind;
  reason: string;
  expected: ExpectedStatus[];
  /** The file it came from, relative to the project root when inside it. */
  source: string;
  expires?: string;
  /** The run started after `expires`: the expectation no longer excuses anything. */
  expired: boolean;
}

export class ExpectationsError extends Error {}

const ENTRY_KEYS = new Set(["property", "expected", "when", "kind", "reason", "expires"]);
const FILE_KEYS = new Set(["format", "about", "expectations"]);
const STATUSES = new Set<string>(["PASS", "FAIL"]);
const KINDS = new Set<string>(["known-divergence", "known-intermittent"]);
const RUN_INFO = new Set<string>(RUN_INFO_KEYS);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Bridges that may never be excused: the reference bridge must pass everything, mutants must keep failing. */
export function forbiddenBridge(name: string): string | undefined {
  if (name === "reference")
    return "the reference bridge must pass every property: fix the failure, do not list it";
  if (name.startsWith("mutant:"))
    return "a mutant must keep failing unexpectedly, so that the suite proves it catches it";
  return undefined;
}

function whenProblems(when: unknown): string[] {
  if (!isObject(when)) return ['"when" must be an object of run_info conditions, e.g. {"bridge": "..."}'];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(when)) {
    if (!RUN_INFO.has(key))
      problems.push(`"when.${key}" is not a run_info key (keys: ${RUN_INFO_KEYS.join(", ")})`);
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0 || values.some((v) => typeof v !== "string" || v === ""))
      problems.push(`"when.${key}" must be a non-empty string or a non-empty list of them`);
  }
  if (when.bridge === undefined) {
    problems.push('"when.bridge" is required: an expectation describes one bridge\'s known results');
    return problems;
  }
  const known = bridgeNames();
  for (const bridge of [when.bridge].flat()) {
    if (typeof bridge !== "string") continue;
    const forbidden = forbiddenBridge(bridge);
    if (forbidden) problems.push(`"when.bridge" is "${bridge}": ${forbidden}`);
    else if (!known.includes(bridge))
      problems.push(`"when.bridge" "${bridge}" is not a known bridge (${known.join(", ")})`);
  }
  return problems;
}

function kindProblems(entry: Record<string, unknown>): string[] {
  const expected = entry.expected as string[];
  if (entry.kind === "known-divergence")
    return expected.length === 1 && expected[0] === "FAIL"
      ? []
      : ['a known divergence expects ["FAIL"] (a pass then fails loudly: the divergence was fixed)'];
  if (entry.kind !== "known-intermittent") return [];
  const problems: string[] = [];
  if (!expected.includes("PASS") || !expected.includes("FAIL"))
    problems.push('a known intermittent expects ["PASS", "FAIL"]');
  if (entry.expires === undefined)
    problems.push(
      'a known intermittent needs "expires" (YYYY-MM-DD): flakiness is tolerated for a while only',
    );
  return problems;
}

function entryProblems(entry: unknown): string[] {
  if (!isObject(entry)) return ["must be an object"];
  const problems = Object.keys(entry)
    .filter((k) => !ENTRY_KEYS.has(k))
    .map((k) => `unknown key "${k}" (keys: ${[...ENTRY_KEYS].join(", ")})`);
  if (typeof entry.property !== "string" || !propertyById(entry.property))
    problems.push(
      `"property" must be a registered property id such as "P03", got ${JSON.stringify(entry.property)}`,
    );
  const expected = entry.expected;
  if (
    !Array.isArray(expected) ||
    expected.length === 0 ||
    expected.some((s) => typeof s !== "string" || !STATUSES.has(s)) ||
    new Set(expected).size !== expected.length
  )
    problems.push('"expected" must be a list of distinct statuses from PASS, FAIL, e.g. ["FAIL"]');
  if (typeof entry.kind !== "string" || !KINDS.has(entry.kind))
    problems.push(`"kind" must be one of ${[...KINDS].join(", ")}, got ${JSON.stringify(entry.kind)}`);
  if (typeof entry.reason !== "string" || entry.reason.trim() === "")
    problems.push('"reason" must say why the property gives this result on this bridge');
  if (entry.expires !== undefined && (typeof entry.expires !== "string" || !isIsoDate(entry.expires)))
    problems.push(`"expires" must be a date YYYY-MM-DD, got ${JSON.stringify(entry.expires)}`);
  problems.push(...whenProblems(entry.when));
  if (problems.length === 0) problems.push(...kindProblems(entry));
  return problems;
}

/** A stable key for an entry's property and conditions, to find duplicates. */
export function conditionKey(e: Pick<Expectation, "property" | "when">): string {
  const when = Object.entries(e.when)
    .map(([k, v]) => [k, [v].flat().sort()] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([e.property, when]);
}

export interface ParsedExpectations {
  file: ExpectationsFile;
  /** Not errors, but to be fixed before committing: placeholder reasons. */
  warnings: string[];
}

/** Validates a parsed JSON document as an expectations file; throws ExpectationsError listing every problem. */
export function parseExpectations(json: unknown, source: string): ParsedExpectations {
  const fail = (problems: string[]): never => {
    throw new ExpectationsError(
      `${source} is not a valid expectations file:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  };
  if (!isObject(json)) return fail(['the file must hold an object {"format", "expectations": [...]}']);
  const problems = Object.keys(json)
    .filter((k) => !FILE_KEYS.has(k))
    .map((k) => `unknown top-level key "${k}" (keys: ${[...FILE_KEYS].join(", ")})`);
  if (json.format !== EXPECTATIONS_FORMAT)
    problems.push(`"format" must be "${EXPECTATIONS_FORMAT}", got ${JSON.stringify(json.format)}`);
  if (json.about !== undefined && typeof json.about !== "string") problems.push('"about" must be a string');
  if (!Array.isArray(json.expectations)) problems.push('"expectations" must be a list');
  const entries: unknown[] = Array.isArray(json.expectations) ? json.expectations : [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const label = `expectations[${i}]${isObject(entry) && typeof entry.property === "string" ? ` (${entry.property})` : ""}`;
    const found = entryProblems(entry);
    problems.push(...found.map((p) => `${label}: ${p}`));
    if (found.length > 0) return;
    const key = conditionKey(entry as unknown as Expectation);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problems.push(`${label}: same property and conditions as expectations[${earlier}]; keep one`);
    else seen.set(key, i);
  });
  if (problems.length > 0) fail(problems);
  const file = json as unknown as ExpectationsFile;
  const warnings = file.expectations
    .filter((e) => e.reason.trim().toUpperCase().startsWith("TODO"))
    .map((e) => `${source}: ${e.property} has the placeholder reason "${e.reason}": write the real one`);
  return { file, warnings };
}
