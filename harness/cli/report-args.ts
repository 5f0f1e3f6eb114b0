// Parses `pnpm report` arguments.
import { parseArgs } from "node:util";
import { UsageError } from "./conformance-args.ts";

export interface ReportPlan {
  help: boolean;
  reportsDir: string | undefined;
  merge: string[];
  matrixFrom: string[];
  allure: boolean;
}

export const REPORT_HELP = `Usage: pnpm report [options]

Builds the reports of a conformance run in the reports directory:
  wpt.json          the run in the web-platform-tests results format (run info, per property results, subtests)
  error-codes.json  each SCORM error code (26 in 2004, 11 in 1.2) and the properties that provoked it
  matrix.html       property x bridge matrix of every results.json found under --matrix-from
  allure-report/    the allure report (allure-commandline from npm; it needs Java on PATH)

Options:
  --reports-dir <dir>      The run's reports directory (default: reports/, or ESB_REPORTS_DIR).
  --merge <dir>            A shard's reports directory to merge into --reports-dir first: results.json,
                           run-details.json and evidence, allure-results and blob reports (merged into
                           junit.xml and playwright-report/). Repeatable.
  --matrix-from <path>     A results.json, or a folder searched 3 levels deep for them. Repeatable.
                           Default: the reports directory.
  --no-allure              Skip the allure report.
  -h, --help               Show this help.

Exit codes: 0 reports built; 2 bad arguments; 3 a report could not be built.`;

export function parseReportArgs(argv: string[]): ReportPlan {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: {
        "reports-dir": { type: "string" },
        merge: { type: "string", multiple: true, default: [] },
        "matrix-from": { type: "string", multiple: true, default: [] },
        "no-allure": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (v.merge.length === 1) throw new UsageError("--merge needs at least two shard directories");
  return {
    help: v.help,
    reportsDir: v["reports-dir"],
    merge: v.merge,
    matrixFrom: v["matrix-from"],
    allure: !v["no-allure"],
  };
}
