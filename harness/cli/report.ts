// `pnpm report`: merges shards (--merge), then writes wpt.json, error-codes.json, matrix.html and the allure
// report.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildAllureReport } from "../reporting/allure-report.ts";
import { bridgeMatrix } from "../reporting/bridge-matrix.ts";
import { findResultsFiles, readResultsFiles } from "../reporting/find-results.ts";
import { matrixPage } from "../reporting/matrix-page.ts";
import { mergeReportDirs } from "../reporting/merge-report-dirs.ts";
import { reportsDir } from "../reporting/reports-dir.ts";
import { writeWptReport } from "../reporting/write-run-reports.ts";
import { errorCodeSummary } from "../reporting/error-code-coverage.ts";
import { writeErrorCodeReport } from "../reporting/error-code-report.ts";
import { UsageError } from "./conformance-args.ts";
import { parseReportArgs, REPORT_HELP, type ReportPlan } from "./report-args.ts";

async function main(argv: string[]): Promise<number> {
  let plan: ReportPlan;
  try {
    plan = parseReportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${REPORT_HELP}\n`);
    return 2;
  }
  if (plan.help) {
    process.stdout.write(`${REPORT_HELP}\n`);
    return 0;
  }
  const dir = path.resolve(plan.reportsDir ?? reportsDir());
  let code = 0;
  if (plan.merge.length > 0) {
    const merged = await mergeReportDirs(
      plan.merge.map((d) => path.resolve(d)),
      dir,
    );
    process.stdout.write(`Merged ${merged.shards} shards (${merged.blobs} blob reports) into ${dir}\n`);
    for (const note of merged.notes) process.stdout.write(`  note: ${note}\n`);
  }
  if (existsSync(path.join(dir, "results.json"))) {
    process.stdout.write(`wpt report: ${await writeWptReport(dir)}\n`);
    const errorCodes = await writeErrorCodeReport(dir);
    process.stdout.write(`${errorCodeSummary(errorCodes.report)}\nerror codes: ${errorCodes.file}\n`);
  } else {
    process.stderr.write(`No ${path.join(dir, "results.json")}: run pnpm conformance first.\n`);
    code = 3;
  }
  const sources = plan.matrixFrom.length > 0 ? plan.matrixFrom : [dir];
  const runs = await readResultsFiles(await findResultsFiles(sources));
  const matrixFile = path.join(dir, "matrix.html");
  await writeFile(matrixFile, matrixPage(bridgeMatrix(runs), new Date()), "utf8");
  process.stdout.write(`matrix: ${matrixFile} (${runs.length} runs)\n`);
  if (plan.allure) {
    const allure = await buildAllureReport(dir);
    if (allure.built) process.stdout.write(`allure report: ${allure.dir}/index.html\n`);
    else {
      process.stderr.write(`allure report not built: ${allure.reason}\n`);
      code = 3;
    }
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(3);
  },
);
