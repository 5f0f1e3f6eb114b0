// Reads property expectations files: by default every property-expectations file in conformance/expectations/
// (the step-level files there, ADL's known failures and the golden divergences, have other formats and are left
// alone), then the files given with --expectations, which add to and override them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { ExpectationsError, parseExpectations, type Expectation } from "./expectations-format.ts";

export const EXPECTATIONS_DIR = path.join(PROJECT_ROOT, "conformance", "expectations");

export interface SourcedExpectation extends Expectation {
  source: string;
}

export interface LoadedExpectations {
  /** In order of precedence, lowest first: a later matching entry overrides an earlier one. */
  entries: SourcedExpectation[];
  sources: string[];
  warnings: string[];
}

export const NO_EXPECTATIONS: LoadedExpectations = { entries: [], sources: [], warnings: [] };

/** The path to show for a file: relative to the project root when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(PROJECT_ROOT, path.resolve(file));
  return relative.startsWith("..") || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ExpectationsError(`Cannot read expectations file ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ExpectationsError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The property-expectations files of a folder, by name: the JSON files that declare the format. */
export function defaultExpectationFiles(dir = EXPECTATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => {
      const json = readJson(file);
      // A file that names a format is meant for us: a wrong or newer one is an error when it is parsed.
      return typeof json === "object" && json !== null && "format" in json;
    });
}

export function loadExpectationFiles(files: string[]): LoadedExpectations {
  const loaded: LoadedExpectations = { entries: [], sources: [], warnings: [] };
  for (const file of files) {
    const source = displayPath(file);
    const { file: parsed, warnings } = parseExpectations(readJson(file), source);
    loaded.entries.push(...parsed.expectations.map((e) => ({ ...e, source })));
    loaded.sources.push(source);
    loaded.warnings.push(...warnings);
  }
  return loaded;
}

/** What a run applies: the folder's files, then the extra ones; none with --no-expectations. */
export function loadRunExpectations(options: {
  use: boolean;
  extra: string[];
  dir?: string;
}): LoadedExpectations {
  if (!options.use) return NO_EXPECTATIONS;
  const defaults = defaultExpectationFiles(options.dir);
  const extra = options.extra.map((f) => path.resolve(f)).filter((f) => !defaults.includes(f));
  return loadExpectationFiles([...defaults, ...extra]);
}
