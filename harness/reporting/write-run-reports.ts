// Writes the reports derived from a run's results.json and run-details.json: wpt.json beside results.json.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ResultsFile } from "./results-file.ts";
import { readRunDetails } from "./run-details.ts";
import { WPT_FILE, wptReport } from "./wpt-report.ts";

export async function writeWptReport(dir: string): Promise<string> {
  const results = JSON.parse(await readFile(path.join(dir, "results.json"), "utf8")) as ResultsFile;
  const file = path.join(dir, WPT_FILE);
  await writeFile(
    file,
    JSON.stringify(wptReport(results, await readRunDetails(dir)), null, 2) + "\n",
    "utf8",
  );
  return file;
}
