// Writes reports/error-codes.json from a run's run-details.json: every property test's `error-codes.json`
// attachment (copied to evidence/ by the run-details reporter, and merged with it across shards) joined into
// the code -> properties matrix.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  ERROR_CODES_ATTACHMENT,
  ERROR_CODES_FILE,
  buildErrorCodeReport,
  type ErrorCodeObservations,
  type ErrorCodeReport,
} from "./error-code-coverage.ts";
import { readRunDetails } from "./run-details.ts";

export async function writeErrorCodeReport(dir: string): Promise<{ file: string; report: ErrorCodeReport }> {
  const tests: Array<{ property: string; observations: Partial<ErrorCodeObservations> }> = [];
  for (const t of (await readRunDetails(dir)).tests)
    for (const a of t.attachments.filter((x) => x.name === ERROR_CODES_ATTACHMENT)) {
      const text = await readFile(path.join(dir, a.file), "utf8").catch(() => null);
      if (text !== null)
        tests.push({
          property: t.property,
          observations: JSON.parse(text) as Partial<ErrorCodeObservations>,
        });
    }
  const report = buildErrorCodeReport(tests);
  const file = path.join(dir, ERROR_CODES_FILE);
  await writeFile(file, JSON.stringify(report, null, 2) + "\n", "utf8");
  return { file, report };
}
