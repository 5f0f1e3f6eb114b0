// A run on a stack that cannot start here (the containers stack without a Docker engine): nothing runs, the reason
// is printed, and results.json reports every selected property skipped with that reason (never passed or failed).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { assembleResults, implementedPropertyIds, writeResults } from "../reporting/results-file.ts";
import { summaryTable } from "../reporting/summary-table.ts";
import { writeWptReport } from "../reporting/write-run-reports.ts";

/** The exit code of a run whose stack cannot start here: nothing ran, nothing passed or failed. */
export const STACK_UNAVAILABLE_EXIT = 4;

export async function reportUnavailableStack(
  run: { stack: string; bridge: string; properties: string[]; reportsDir: string },
  reason: string,
): Promise<number> {
  const message = `Skipped: stack "${run.stack}" cannot run here: ${reason}.`;
  const pkg = JSON.parse(await readFile(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  const suite = {
    version: pkg.version,
    stack: run.stack,
    bridge: run.bridge,
    startedAt: new Date().toISOString(),
    durationMs: 0,
  };
  const implemented = implementedPropertyIds();
  const skipped = new Map(
    run.properties
      .filter((id) => implemented.has(id))
      .map((id) => [id, { status: "skipped" as const, runs: null, seed: null, durationMs: 0, message }]),
  );
  const results = assembleResults(suite, skipped, new Set(run.properties));
  const resultsFile = await writeResults(run.reportsDir, results);
  const wpt = await writeWptReport(run.reportsDir);
  process.stderr.write(`${message}\n`);
  process.stdout.write(
    `\n${summaryTable(results)}\nResults: ${resultsFile}\n         ${wpt}\n` +
      `Nothing ran: ${skipped.size} selected properties reported skipped (exit ${STACK_UNAVAILABLE_EXIT}).\n`,
  );
  return STACK_UNAVAILABLE_EXIT;
}
