// reports/results.json: the stable contract other tools read. One entry per registered property, in
// registry order; a property without a spec file is "not-implemented", never "passed".
import { readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import type { AppliedExpectation } from "../expectations/expectations-format.ts";
import { PROPERTIES } from "../properties/registry.ts";

export type PropertyStatus = "passed" | "failed" | "skipped" | "not-implemented";

export interface PropertyResult {
  id: string;
  title: string;
  status: PropertyStatus;
  runs: number | null;
  seed: number | null;
  durationMs: number;
  message: string;
  /** Set when the run's expectations were applied: false when CI must look at this result (wpt's "unexpected"). */
  expected?: boolean;
  /** The expectation that matched this property in this run, if any (conformance/expectations/). */
  expectation?: AppliedExpectation | null;
}

export interface ResultsFile {
  suite: {
    version: string;
    stack: string;
    bridge: string;
    startedAt: string;
    durationMs: number;
    /** Which Chromium build ran: playwright, system or ESB_CHROMIUM (absent in older files). */
    browserBuild?: string;
  };
  properties: PropertyResult[];
}

const SPEC_DIR = path.join(PROJECT_ROOT, "conformance", "properties");

/** Ids of properties that have a spec file in conformance/properties. */
export function implementedPropertyIds(): Set<string> {
  const ids = readdirSync(SPEC_DIR)
    .map((f) => /^(P\d{2})-.+\.spec\.ts$/.exec(f)?.[1])
    .filter((id): id is string => !!id);
  return new Set(ids);
}

export function assembleResults(
  suite: ResultsFile["suite"],
  observed: Map<string, Omit<PropertyResult, "id" | "title">>,
  selected: Set<string>,
): ResultsFile {
  const implemented = implementedPropertyIds();
  return {
    suite,
    properties: PROPERTIES.map((meta) => {
      const base = { id: meta.id, title: meta.title };
      if (!implemented.has(meta.id)) {
        return {
          ...base,
          status: "not-implemented",
          runs: null,
          seed: null,
          durationMs: 0,
          message: "No check exists for this property yet.",
        };
      }
      const seen = observed.get(meta.id);
      if (seen) return { ...base, ...seen };
      const message = selected.has(meta.id) ? "Selected but did not run." : "Not selected for this run.";
      return {
        ...base,
        status: selected.has(meta.id) ? "failed" : "skipped",
        runs: null,
        seed: null,
        durationMs: 0,
        message,
      };
    }),
  };
}

export async function writeResults(dir: string, results: ResultsFile): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "results.json");
  await writeFile(file, JSON.stringify(results, null, 2) + "\n", "utf8");
  return file;
}
