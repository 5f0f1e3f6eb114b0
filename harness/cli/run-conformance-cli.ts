// Runs `pnpm conformance` as a child process into a temporary reports folder and returns its exit code, its
// output and the results.json and error-codes.json it wrote (null when it wrote none). Used by the mutation run
// and the suite's own tests.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import type { ResultsFile } from "../reporting/results-file.ts";
import { ERROR_CODES_FILE, type ErrorCodeReport } from "../reporting/error-code-coverage.ts";

export interface CliRun {
  code: number;
  output: string;
  results: ResultsFile | null;
  /** The error-codes.json it wrote (null when it wrote none). */
  errorCodes: ErrorCodeReport | null;
}

export async function runConformanceCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-cli-"));
  try {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "harness/cli/conformance.ts", ...args, "--reports-dir", dir],
      { cwd: PROJECT_ROOT, env: { ...process.env, ESB_MODE: "", ...env } },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? -1)));
    const results = await readFile(path.join(dir, "results.json"), "utf8").then(
      (t) => JSON.parse(t) as ResultsFile,
      () => null,
    );
    const errorCodes = await readFile(path.join(dir, ERROR_CODES_FILE), "utf8").then(
      (t) => JSON.parse(t) as ErrorCodeReport,
      () => null,
    );
    return { code, output, results, errorCodes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
