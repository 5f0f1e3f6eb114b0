// Reads golden scenario files named on a command line: files, or folders whose *.json files are read (a release
// folder's scenarios/ included). Every unreadable or malformed file is reported by name, none is skipped silently.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { GoldenFormatError, parseScenario } from "./scenario-loader.ts";
import type { GoldenScenario } from "./scenario-types.ts";

export interface ScenarioFile {
  file: string;
  scenario: GoldenScenario;
}

export interface ScenarioFiles {
  files: ScenarioFile[];
  /** One line per bad input: the file and what is wrong with it. */
  problems: string[];
}

function jsonFilesOf(dir: string): string[] {
  const scenarios = path.join(dir, "scenarios");
  const where = statSync(scenarios, { throwIfNoEntry: false })?.isDirectory() ? scenarios : dir;
  return readdirSync(where)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(where, f));
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function readScenarioFiles(inputs: readonly string[]): ScenarioFiles {
  const out: ScenarioFiles = { files: [], problems: [] };
  for (const input of inputs) {
    const stat = statSync(input, { throwIfNoEntry: false });
    if (!stat) {
      out.problems.push(`${input}: no such file or folder`);
      continue;
    }
    const files = stat.isDirectory() ? jsonFilesOf(input) : [input];
    if (files.length === 0) out.problems.push(`${input}: a folder without scenario files (*.json)`);
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        out.problems.push(`${file}: cannot be read (${reason(e)})`);
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(text) as unknown;
      } catch (e) {
        out.problems.push(`${file}: not JSON (${reason(e)})`);
        continue;
      }
      try {
        out.files.push({ file, scenario: parseScenario(json, file) });
      } catch (e) {
        if (!(e instanceof GoldenFormatError)) throw e;
        out.problems.push(`${e.message} (not a golden scenario, see ../shared/golden/<release>/README.md)`);
      }
    }
  }
  return out;
}
