// Parses `pnpm conformance` arguments into a validated run plan, with a clear error for anything wrong.
import { parseArgs } from "node:util";
import { bridgeNames } from "../bridges/resolve-bridge.ts";
import { selectProperties } from "../properties/registry.ts";
import { parseMoodleSchema, type MoodleSchema } from "../../moodle-stack/twin/track-storage.ts";
import { resolvePackageSource, type PackageSource } from "./package-source.ts";

export interface ConformancePlan {
  help: boolean;
  stack: "embedded" | "containers" | "moodle";
  bridge: string;
  properties: string[];
  /** The user's packages, which P02 also plays; undefined: only the suite's own packages. */
  packages: PackageSource | undefined;
  cdnBase: string | undefined;
  /** --moodle-schema: the twin's tracking tables (4.5 or 4.1), passed as ESB_TWIN_SCHEMA; else the environment's. */
  moodleSchema: MoodleSchema | undefined;
  seed: number | undefined;
  path: string | undefined;
  runs: number | undefined;
  reportsDir: string | undefined;
  workers: number | undefined;
  shard: { index: number; total: number } | undefined;
  /** Apply conformance/expectations/*.json (false with --no-expectations: every failure gates). */
  useExpectations: boolean;
  /** --expectations files, applied after (overriding) the default ones. */
  expectations: string[];
}

export class UsageError extends Error {}

export const HELP = `Usage: pnpm conformance [options]
       pnpm conformance certify --help   (check a CDN and write its certificate)
       pnpm conformance update-expectations --help   (record a bridge's failures as expectations)

Runs the conformance properties in a real browser across lms.test, cdn.test and evil.test.

Options:
  --properties <list>  Properties to run: ids (P02), ranges (P05-P07) or tags (tracking), comma-separated.
                       Default: all 27 (unimplemented ones are reported as not-implemented).
  --bridge <name>      System under test: reference (default), scorm-again-crossframe, or mutant:<name>.
  --stack <name>       embedded (default: Moodle twin, mock CDN and attacker site in-process) or containers
                       (the twin's tables on MySQL and the mock CDN in containers, or with ESB_MOODLE_IMAGE a
                       Moodle container; needs a Docker engine, else exit 4) or
                       moodle (a real Moodle at ESB_MOODLE_DIR behind https://lms.test; else exit 4).
  --packages <src>     Your SCORM packages: a .zip, a folder (its .zip files and package folders), or an http(s)
                       URL of a zip or an imsmanifest.xml. P02 then also checks each: the version the LMS detects
                       is the one its manifest declares, and every SCO finds exactly that API global on the bridge
                       frame, initialises through it and stores a session (played as certify plays). Default: only
                       the suite's own probe packages (packages-under-test/).
  --cdn-base <url>     https base URL of a CDN already serving your packages at <url>/packages/<name>/ and the
                       bridge frame at <url>/bridge/frame.html: P02 plays them from there instead of publishing
                       them to the stack's mock CDN (the other properties always use the mock CDN).
  --moodle-schema <v>  The twin's mod_scorm tracking tables: 4.5 (default: scorm_attempt, scorm_element,
                       scorm_scoes_value) or 4.1 (scorm_scoes_track). Passed as ESB_TWIN_SCHEMA.
  --runs <int>         Generated runs per property (default: each property's own).
  --seed <int>         fast-check seed, to replay a failure exactly.
  --path <path>        fast-check path of a counterexample (with --seed), to replay only it.
  --replay <seed:path> Shorthand for --seed and --path together, as a failure prints them (e.g. 42:3:1).
  --workers <int>      Parallel browser workers (default 2).
  --shard <i/n>        Run only shard i of n (Playwright's --shard); merge shards with pnpm report --merge.
  --reports-dir <dir>  Where results.json, wpt.json, JUnit and allure results go (default: reports/).
  --expectations <f>   An extra expectations file, applied after (overriding) those in conformance/expectations/.
                       Repeatable.
  --no-expectations    Apply no expectations: every failure is unexpected.
  -h, --help           Show this help.

While it runs, a "progress:" line is printed as each property starts and ends; at the end, a table.

Expectations: the conformance/expectations/*.json files of format "property-expectations/1" whose conditions
match the run (bridge, stack, browser, ...) mark known divergences and known intermittents, each with its reason.
Results then say expected or UNEXPECTED; a known divergence that passes is unexpected (it was fixed).

Exit codes: 0 no unexpected result (every selected property passed, or failed as expected);
            1 an unexpected result: a failure no expectation covers, an unexpected pass, an expired expectation;
            2 bad arguments or an invalid expectations file; 3 the run itself broke (no results were produced);
            4 the stack cannot run here (the reason is printed; every selected property is reported skipped).`;

function int(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return n;
}

function seedOf(value: string, option: string): number {
  const seed = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(seed)) throw new UsageError(`${option} must be an integer, got "${value}"`);
  return seed;
}

function replayParts(replay: string): { seed: number; path: string | undefined } {
  const m = /^(-?\d+)(?::(\d+(?::\d+)*))?$/.exec(replay);
  if (!m) throw new UsageError(`--replay "${replay}" is not <seed> or <seed>:<path> (e.g. 42:3:1)`);
  return { seed: seedOf(m[1]!, "--replay's seed"), path: m[2] };
}

function shardOf(value: string | undefined): ConformancePlan["shard"] {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const [index, total] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || total < 1 || index < 1 || index > total)
    throw new UsageError(`--shard must be i/n with 1 <= i <= n, got "${value}"`);
  return { index, total };
}

function cdnBaseOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--cdn-base "${value}" is not a URL`);
  }
  if (url.protocol !== "https:") throw new UsageError("--cdn-base must be an https URL");
  if (url.username || url.password || url.search || url.hash)
    throw new UsageError("--cdn-base must have no user info, query or fragment");
  return url.href;
}

function moodleSchemaOf(value: string | undefined): MoodleSchema | undefined {
  if (value === undefined) return undefined;
  try {
    return parseMoodleSchema(value, "--moodle-schema");
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function stackOf(value: string): ConformancePlan["stack"] {
  if (value === "embedded") return "embedded";
  if (value === "containers") return "containers";
  if (value === "moodle") return "moodle";
  throw new UsageError(`Unknown stack "${value}". Stacks: embedded, containers, moodle.`);
}

/** `--seed -123` as printed in replay commands: node's parseArgs takes "-123" for an option, so join them. */
function joinNegativeSeeds(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if ((argv[i] === "--seed" || argv[i] === "--replay") && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]!);
  }
  return out;
}

export function parseConformanceArgs(argv: string[]): ConformancePlan {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeSeeds(argv),
      options: {
        properties: { type: "string" },
        bridge: { type: "string", default: "reference" },
        stack: { type: "string", default: "embedded" },
        packages: { type: "string" },
        "cdn-base": { type: "string" },
        "moodle-schema": { type: "string" },
        seed: { type: "string" },
        path: { type: "string" },
        replay: { type: "string" },
        runs: { type: "string" },
        workers: { type: "string" },
        shard: { type: "string" },
        "reports-dir": { type: "string" },
        expectations: { type: "string", multiple: true, default: [] },
        "no-expectations": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const stack = stackOf(v.stack);
  if (!bridgeNames().includes(v.bridge)) {
    throw new UsageError(`Unknown bridge "${v.bridge}". Known bridges: ${bridgeNames().join(", ")}`);
  }
  let properties: string[];
  let packages: PackageSource | undefined;
  try {
    properties = selectProperties(v.properties).map((p) => p.id);
    packages = v.packages === undefined ? undefined : resolvePackageSource(v.packages);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (v["cdn-base"] !== undefined && packages === undefined)
    throw new UsageError("--cdn-base names where your packages are served: give them with --packages too");
  if (v.replay !== undefined && (v.seed !== undefined || v.path !== undefined))
    throw new UsageError("--replay already carries the seed and path; drop --seed/--path");
  const replay = v.replay === undefined ? undefined : replayParts(v.replay);
  const path = replay ? replay.path : v.path;
  if (path !== undefined && v.seed === undefined && !replay)
    throw new UsageError("--path needs the --seed it came from");
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path))
    throw new UsageError(`--path "${path}" is not a fast-check path`);
  const seed = replay ? replay.seed : v.seed === undefined ? undefined : seedOf(v.seed, "--seed");
  if (v["no-expectations"] && v.expectations.length > 0)
    throw new UsageError("--no-expectations and --expectations contradict each other; use one");
  return {
    help: v.help,
    stack,
    bridge: v.bridge,
    properties,
    packages,
    cdnBase: cdnBaseOf(v["cdn-base"]),
    moodleSchema: moodleSchemaOf(v["moodle-schema"]),
    seed,
    path,
    runs: int("runs", v.runs, 1),
    reportsDir: v["reports-dir"],
    workers: int("workers", v.workers, 1),
    shard: shardOf(v.shard),
    useExpectations: !v["no-expectations"],
    expectations: v.expectations,
  };
}
