// reports/run-details.json: every property test of a run (a property's subtests) with its evidence, the
// attachments the test wrote (counterexample, screenshots, postMessage log, LMS API calls, stored rows, trace),
// copied under reports/evidence/<property>/.
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface EvidenceFile {
  name: string;
  contentType: string;
  /** Relative to the reports directory, with forward slashes. */
  file: string;
}

export interface SubtestResult {
  property: string;
  title: string;
  status: "passed" | "failed" | "skipped";
  durationMs: number;
  message: string;
  replay: string | null;
  attachments: EvidenceFile[];
}

export interface RunDetails {
  tests: SubtestResult[];
}

export const RUN_DETAILS_FILE = "run-details.json";

export async function readRunDetails(dir: string): Promise<RunDetails> {
  try {
    return JSON.parse(await readFile(path.join(dir, RUN_DETAILS_FILE), "utf8")) as RunDetails;
  } catch {
    return { tests: [] };
  }
}
