// `pnpm conformance`: runs the selected properties through Playwright, then prints the per-property table
// and exits non-zero when an implemented property failed.
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { chooseChromium } from "../browser/chromium.ts";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { reportsDir } from "../reporting/reports-dir.ts";
import {
  assembleResults,
  implementedPropertyIds,
  writeResults,
  type ResultsFile,
} from "../reporting/results-file.ts";
import { progressLine } from "../reporting/progress-reporter.ts";
import { summaryTable } from "../reporting/summary-table.ts";
import { writeWptReport } from "../reporting/write-run-reports.ts";
import { ERROR_CODES_FILE, errorCodeSummary } from "../reporting/error-code-coverage.ts";
import { writeErrorCodeReport } from "../reporting/error-code-report.ts";
import { ExpectationsError } from "../expectations/expectations-format.ts";
import type { LoadedExpectations } from "../expectations/load-expectations.ts";
import {
  expectationsBanner,
  expectationsOfPlan,
  judgeRun,
  verdict,
} from "../expectations/run-expectations.ts";
import { containersStackProblem } from "../stack/containers-availability.ts";
import { moodleStackProblem } from "../stack/moodle-availability.ts";
import { certifyMain } from "./certify-command.ts";
import { packagesEnv } from "./package-source.ts";
import { updateExpectationsMain } from "./update-expectations-command.ts";
import { HELP, UsageError, parseConformanceArgs, type ConformancePlan } from "./conformance-args.ts";
import { reportUnavailableStack } from "./unavailable-stack.ts";

function playwright(plan: ConformancePlan, ids: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const cli = path.join(PROJECT_ROOT, "node_modules", "@playwright", "test", "cli.js");
  const grep = ids.map((id) => `@${id}\\b`).join("|");
  const args = [cli, "test", "--project", "conformance", "--grep", grep];
  if (plan.workers) args.push("--workers", String(plan.workers));
  if (plan.shard) args.push("--shard", `${plan.shard.index}/${plan.shard.total}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 3 : 1)));
  });
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "certify") return certifyMain(argv.slice(1));
  if (argv[0] === "update-expectations") return updateExpectationsMain(argv.slice(1));
  let plan: ConformancePlan;
  try {
    plan = parseConformanceArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${HELP}\n`);
      return 2;
    }
    throw error;
  }
  if (plan.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const stackProblem =
    plan.stack === "containers"
      ? containersStackProblem()
      : plan.stack === "moodle"
        ? moodleStackProblem()
        : null;
  if (stackProblem) {
    const dir = plan.reportsDir ? path.resolve(plan.reportsDir) : reportsDir();
    return reportUnavailableStack({ ...plan, reportsDir: dir }, stackProblem);
  }
  let expectations: LoadedExpectations;
  try {
    expectations = expectationsOfPlan(plan);
  } catch (error) {
    if (!(error instanceof ExpectationsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ESB_MODE: "conformance",
    ESB_STACK: plan.stack,
    ESB_BRIDGE: plan.bridge,
    ESB_PROPERTIES: plan.properties.join(","),
  };
  if (plan.packages) env.ESB_PACKAGES = packagesEnv(plan.packages);
  if (plan.cdnBase) env.ESB_CDN_BASE = plan.cdnBase;
  if (plan.moodleSchema) env.ESB_TWIN_SCHEMA = plan.moodleSchema;
  if (plan.shard) env.ESB_SHARD = `${plan.shard.index}/${plan.shard.total}`;
  if (plan.reportsDir) env.ESB_REPORTS_DIR = path.resolve(plan.reportsDir);
  if (plan.seed !== undefined) env.ESB_SEED = String(plan.seed);
  if (plan.path !== undefined) env.ESB_PATH = plan.path;
  if (plan.runs !== undefined) env.ESB_RUNS = String(plan.runs);
  const dir = env.ESB_REPORTS_DIR ?? reportsDir();
  const resultsFile = path.join(dir, "results.json");
  await rm(resultsFile, { force: true });
  await rm(path.join(dir, "run-details.json"), { force: true });
  await rm(path.join(dir, "evidence"), { recursive: true, force: true });
  await rm(path.join(dir, ERROR_CODES_FILE), { force: true });

  const implemented = implementedPropertyIds();
  const toRun = plan.properties.filter((id) => implemented.has(id));
  const startedAt = new Date();
  for (const id of plan.properties.filter((p) => !implemented.has(p)))
    process.stdout.write(`${progressLine({ id, state: "not-implemented", detail: "" })}\n`);
  if (toRun.length > 0) {
    const chromiumChoice = chooseChromium();
    process.stdout.write(
      `Chromium: ${chromiumChoice.source}${chromiumChoice.executablePath ? ` (${chromiumChoice.executablePath})` : ""}\n` +
        `Running ${toRun.join(", ")} against bridge ${plan.bridge} on the ${plan.stack} stack\n`,
    );
    await playwright(plan, toRun, env);
  } else {
    const suite = {
      version: "",
      stack: plan.stack,
      bridge: plan.bridge,
      startedAt: startedAt.toISOString(),
      durationMs: 0,
    };
    const pkg = JSON.parse(await readFile(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    suite.version = pkg.version;
    await writeResults(dir, assembleResults(suite, new Map(), new Set(plan.properties)));
  }

  let results: ResultsFile;
  try {
    results = JSON.parse(await readFile(resultsFile, "utf8")) as ResultsFile;
  } catch {
    process.stderr.write(`The run produced no ${resultsFile}; see the output above.\n`);
    return 3;
  }
  results = await judgeRun(dir, results, expectations);
  process.stdout.write(`\n${expectationsBanner(expectations, results).join("\n")}\n`);
  const wpt = await writeWptReport(dir);
  const errorCodes = await writeErrorCodeReport(dir);
  process.stdout.write(
    `\n${summaryTable(results)}\n${errorCodeSummary(errorCodes.report)}\n` +
      `Results: ${resultsFile}\n         ${wpt}\n         ${errorCodes.file}\n`,
  );
  const { lines, code } = verdict(results, plan.properties, resultsFile);
  for (const line of lines) process.stdout.write(`${line}\n`);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(3);
  },
);
