// `pnpm conformance update-expectations --from <results.json> [--out <file>]`: writes or refreshes the run's
// bridge's expectations file from the run's failures (see harness/expectations/update-expectations.ts).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { HELP_OPTION, valuesOrExit } from "./subcommand-args.ts";
import * as prettier from "prettier";
import {
  ExpectationsError,
  PLACEHOLDER_REASON,
  parseExpectations,
  type ExpectationsFile,
} from "../expectations/expectations-format.ts";
import { EXPECTATIONS_DIR, displayPath } from "../expectations/load-expectations.ts";
import { updateExpectations } from "../expectations/update-expectations.ts";
import type { ResultsFile } from "../reporting/results-file.ts";
import { reportsDir } from "../reporting/reports-dir.ts";

export const UPDATE_EXPECTATIONS_HELP = `Usage: pnpm conformance update-expectations [--from <results.json>] [--out <file>]

Writes or refreshes a bridge's expectations from a run's results: each failure no entry covers is added as a
known divergence whose reason is the placeholder "${PLACEHOLDER_REASON}" (runs warn about it until you write
the real reason); a known divergence that now passes is removed; known intermittents and entries whose
conditions do not match the run are kept. Mark an entry known-intermittent (with "expires") by hand when
repeated runs disagree. The reference bridge and the mutants cannot have expectations.

Options:
  --from <file>   The run's results.json (default reports/results.json).
  --out <file>    The expectations file to write (default conformance/expectations/<bridge>.json).
  -h, --help      Show this help.

Exit codes: 0 written; 2 bad arguments, an unreadable results file or an invalid expectations file.`;

const defaultOut = (bridge: string): string =>
  path.join(EXPECTATIONS_DIR, `${bridge.replace(/[^A-Za-z0-9._-]+/g, "-")}.json`);

async function readResults(file: string): Promise<ResultsFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ExpectationsError(`Cannot read results file ${file}: ${(error as Error).message}`);
  }
  const results = json as ResultsFile;
  if (!results?.suite?.bridge || !Array.isArray(results.properties))
    throw new ExpectationsError(`${file} is not a results.json (no suite.bridge or properties)`);
  return results;
}

async function readExisting(file: string): Promise<ExpectationsFile | undefined> {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ExpectationsError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseExpectations(json, displayPath(file)).file;
}

export async function updateExpectationsMain(
  argv: string[],
  print: (s: string) => void = (s) => void process.stdout.write(s),
): Promise<number> {
  const values = valuesOrExit(
    () =>
      parseArgs({
        args: argv,
        options: {
          from: { type: "string" },
          out: { type: "string" },
          help: HELP_OPTION,
        },
        strict: true,
      }).values,
    UPDATE_EXPECTATIONS_HELP,
    print,
  );
  if (typeof values === "number") return values;
  try {
    const from = path.resolve(values.from ?? path.join(reportsDir(), "results.json"));
    const results = await readResults(from);
    const out = path.resolve(values.out ?? defaultOut(results.suite.bridge));
    const update = updateExpectations(await readExisting(out), results);
    // What is written must load: validate it the way a run will.
    const { warnings } = parseExpectations(update.file, displayPath(out));
    await mkdir(path.dirname(out), { recursive: true });
    // Formatted as the project's prettier check wants it, so the refreshed file can be committed as written.
    const config = (await prettier.resolveConfig(out)) ?? {};
    await writeFile(
      out,
      await prettier.format(JSON.stringify(update.file), { ...config, filepath: out }),
      "utf8",
    );
    const list = (ids: string[]) => (ids.length > 0 ? ids.join(", ") : "none");
    print(
      `Expectations for bridge ${results.suite.bridge} from ${displayPath(from)}:\n` +
        `  added (known divergence): ${list(update.added)}\n` +
        `  removed (now pass): ${list(update.removed)}\n` +
        `  kept: ${list(update.kept)}\n` +
        (update.expired.length > 0 ? `  EXPIRED, renew or fix: ${list(update.expired)}\n` : "") +
        warnings.map((w) => `WARNING: ${w}\n`).join("") +
        `Wrote ${displayPath(out)}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ExpectationsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}
