// ADL's SCORM 2004 4th Edition LMS test scripts as typed steps: `ActNVv.commands.i=METHOD->argument->
// expectedReturn->expectedErrorCode`, abbreviations expanded from Commands.properties. Steps are grouped by
// visit (one launch of one activity of one test case), in order.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseProperties } from "./properties-file.ts";

export const ADL_TEST_CASES = ["API", "DMI", "DMB", "DDM"] as const;
export type AdlTestCase = (typeof ADL_TEST_CASES)[number];

export type AdlMethod = "I" | "T" | "C" | "GET" | "SET" | "GES" | "GLE" | "GeDi";

export interface AdlStep {
  /** Unique and stable: `DMI/Act1V2/113`. */
  id: string;
  testCase: AdlTestCase;
  /** The activity (item) number and its letter suffix in the package: Act1, Act1a. */
  activity: string;
  visit: number;
  index: number;
  method: AdlMethod;
  /** The API call's argument, expanded (element name, `element` for SET, or an error code). */
  argument: string;
  /** SET only: the value, expanded. */
  value?: string;
  /** GET only: a data type the value is compared as (`!TY.m` in the script). */
  typeHint?: string;
  /** Expected return, expanded; `less255` / `emptyCS` name a shape, not a value. */
  expectedReturn: string;
  expectedCodes: string[];
}

export interface AdlVisit {
  testCase: AdlTestCase;
  activity: string;
  visit: number;
  steps: AdlStep[];
}

export const SHAPES = new Set(["less255", "emptyCS"]);

export class AdlAbbreviations {
  constructor(private readonly table: Map<string, string>) {}

  static load(corpusDir: string): AdlAbbreviations {
    const entries = parseProperties(readFileSync(path.join(corpusDir, "Commands.properties"), "latin1"));
    return new AdlAbbreviations(new Map(entries));
  }

  element(abbreviated: string): string {
    if (abbreviated === "") return "";
    return abbreviated
      .split("~")
      .map((token) => this.table.get(token) ?? token)
      .join(".");
  }

  value(abbreviated: string): string {
    if (SHAPES.has(abbreviated)) return abbreviated;
    const whole = this.table.get(abbreviated);
    if (whole !== undefined || !abbreviated.includes("~")) return whole ?? abbreviated;
    // A template (`tar={target=%s}`) takes the next token: `tar~activity_1~TY.c` is `{target=activity_1}choice`.
    const tokens = abbreviated.split("~");
    if (!tokens.some((t) => this.table.get(t)?.includes("%s"))) return abbreviated;
    let out = "";
    for (let i = 0; i < tokens.length; i++) {
      const expanded = this.table.get(tokens[i]!) ?? tokens[i]!;
      out += expanded.includes("%s") ? expanded.replace("%s", tokens[++i] ?? "") : expanded;
    }
    return out;
  }
}

const KEY = /^(Act\d+[a-z]?)V(\d+)\.commands\.(\d+)$/;
const METHODS = new Set<string>(["I", "T", "C", "GET", "SET", "GES", "GLE", "GeDi"]);

export function parseStep(
  testCase: AdlTestCase,
  key: string,
  line: string,
  abbreviations: AdlAbbreviations,
): AdlStep | null {
  const k = KEY.exec(key);
  if (!k) return null;
  let parts = line.split("->");
  // One DMI step (Act3V2.commands.47) lost its "GET->" in ADL's file; its shape says it is a GET.
  if (!METHODS.has(parts[0] ?? "") && parts.length === 3) parts = ["GET", ...parts];
  const [method, argument = "", expectedReturn = "", codes = ""] =
    parts.length > 4 ? [parts[0], parts.slice(1, -2).join("->"), parts.at(-2), parts.at(-1)] : parts;
  if (!method || !METHODS.has(method))
    throw new Error(`${testCase} ${key}: unknown method in "${line.slice(0, 80)}"`);
  const step: AdlStep = {
    id: `${testCase}/${k[1]}V${k[2]}/${k[3]}`,
    testCase,
    activity: k[1]!,
    visit: Number(k[2]),
    index: Number(k[3]),
    method: method as AdlMethod,
    argument,
    expectedReturn: abbreviations.value(expectedReturn ?? ""),
    expectedCodes: (codes ?? "")
      .split(/[,|]/)
      .map((c) => c.trim())
      .filter(Boolean),
  };
  if (method === "SET") {
    const bang = argument.indexOf("!");
    step.argument = abbreviations.element(bang < 0 ? argument : argument.slice(0, bang));
    step.value = bang < 0 ? "" : abbreviations.value(argument.slice(bang + 1));
  } else if (method === "GET") {
    const bang = argument.indexOf("!");
    step.argument = abbreviations.element(bang < 0 ? argument : argument.slice(0, bang));
    if (bang >= 0) step.typeHint = abbreviations.value(argument.slice(bang + 1));
  }
  return step;
}

/** The corpus folder ($ESB_SHARED_CORPUS or ../shared/corpus), or null when it is absent (a fresh clone). */
export function findAdlCorpus(projectRoot: string): string | null {
  const corpus = process.env.ESB_SHARED_CORPUS ?? path.resolve(projectRoot, "..", "shared", "corpus");
  const dir = path.join(corpus, "adl-2004-4ed");
  return existsSync(path.join(dir, "TestCases")) ? dir : null;
}

export function loadAdlVisits(corpusDir: string): AdlVisit[] {
  const abbreviations = AdlAbbreviations.load(corpusDir);
  const visits = new Map<string, AdlVisit>();
  for (const testCase of ADL_TEST_CASES) {
    const text = readFileSync(path.join(corpusDir, "TestCases", `${testCase}.properties`), "latin1");
    for (const [key, line] of parseProperties(text)) {
      const step = parseStep(testCase, key, line, abbreviations);
      if (!step) continue;
      const visitKey = `${testCase}/${step.activity}/${step.visit}`;
      let visit = visits.get(visitKey);
      if (!visit) {
        visit = { testCase, activity: step.activity, visit: step.visit, steps: [] };
        visits.set(visitKey, visit);
      }
      visit.steps.push(step);
    }
  }
  for (const visit of visits.values()) visit.steps.sort((a, b) => a.index - b.index);
  return [...visits.values()].sort(
    (a, b) =>
      a.testCase.localeCompare(b.testCase) || a.activity.localeCompare(b.activity) || a.visit - b.visit,
  );
}
