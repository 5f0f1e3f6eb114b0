// Parses `pnpm conformance` arguments into a validated run plan, with a clear error for anything wrong.
import { parseArgs } from "node:util";
import { bridgeNames } from "../bridges/resolve-bridge.ts";
import { selectProperties } from "../properties/registry.ts";

export interface ConformancePlan {
  help: boolean;
  stack: "embedded";
  bridge: string;
  properties: string[];
  seed: number | undefined;
  path: string | undefined;
  runs: number | undefined;
  reportsDir: string | undefined;
  workers: number | undefined;
}

export class UsageError extends Error {}

export const HELP = `Usage: pnpm conformance [options]

Runs the conformance properties in a real browser across lms.test, cdn.test and evil.test.

Options:
  --properties <list>  Properties to run: ids (P02), ranges (P05-P07) or tags (tracking), comma-separated.
                       Default: all 27 (unimplemented ones are reported as not-implemented).
  --bridge <name>      System under test: reference (default) or mutant:<name>.
  --stack <name>       Stack to run on: embedded (default; the containers stack is not available yet).
  --seed <int>         fast-check seed, to replay a failure exactly.
  --path <path>        fast-check path of a counterexample (with --seed), to replay only it.
  --runs <int>         Generated runs per property (default: each property's own).
  --workers <int>      Parallel browser workers (default 2).
  --reports-dir <dir>  Where results.json, JUnit and allure results go (default: reports/).
  -h, --help           Show this help.

Exit codes: 0 every selected implemented property passed; 1 a property failed;
            2 bad arguments; 3 the run itself broke (no results were produced).`;

function int(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return n;
}

export function parseConformanceArgs(argv: string[]): ConformancePlan {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        properties: { type: "string" },
        bridge: { type: "string", default: "reference" },
        stack: { type: "string", default: "embedded" },
        seed: { type: "string" },
        path: { type: "string" },
        runs: { type: "string" },
        workers: { type: "string" },
        "reports-dir": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.stack !== "embedded") {
    throw new UsageError(`Stack "${v.stack}" is not available yet; only "embedded" is.`);
  }
  if (!bridgeNames().includes(v.bridge)) {
    throw new UsageError(`Unknown bridge "${v.bridge}". Known bridges: ${bridgeNames().join(", ")}`);
  }
  let properties: string[];
  try {
    properties = selectProperties(v.properties).map((p) => p.id);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (v.path !== undefined && v.seed === undefined)
    throw new UsageError("--path needs the --seed it came from");
  if (v.path !== undefined && !/^\d+(:\d+)*$/.test(v.path))
    throw new UsageError(`--path "${v.path}" is not a fast-check path`);
  const seed = v.seed === undefined ? undefined : Number(v.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new UsageError(`--seed must be an integer, got "${v.seed}"`);
  return {
    help: v.help,
    stack: "embedded",
    bridge: v.bridge,
    properties,
    seed,
    path: v.path,
    runs: int("runs", v.runs, 1),
    reportsDir: v["reports-dir"],
    workers: int("workers", v.workers, 1),
  };
}
