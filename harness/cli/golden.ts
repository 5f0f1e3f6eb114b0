// `pnpm golden [scenario.json | folder]...`: replays golden scenario files (the format of
// ../shared/golden/<release>/README.md, from any folder; all shared scenarios when none is named) through the
// reference bridge on the twin, prints one row per scenario and every undocumented difference, and exits 0 when
// every difference is documented in conformance/expectations/golden-divergences.json, 1 on an undocumented
// difference, a documented one that no longer occurs or a replay that broke, 2 on bad input (a file named clearly).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { resolveBridge } from "../bridges/resolve-bridge.ts";
import { baseChromiumArgs, chooseChromium } from "../browser/chromium.ts";
import { createTwinDriver } from "../lms-driver/twin-driver.ts";
import { startEmbeddedStack } from "../stack/embedded-stack.ts";
import {
  EXPECTATIONS_PATH,
  loadExpectations,
  verdictMessage,
  type DivergenceExpectations,
} from "../golden/divergence-expectations.ts";
import { goldenTable, rowFails, type ScenarioRow } from "../golden/golden-table.ts";
import { replayAndJudge } from "../golden/judge-replay.ts";
import type { ReplayDeps } from "../golden/replayer.ts";
import { readScenarioFiles, type ScenarioFile } from "../golden/scenario-files.ts";
import { GOLDEN_RELEASE, GOLDEN_ROOT } from "../golden/scenario-loader.ts";
import { scenarioScope } from "../golden/scenario-scope.ts";

const HELP = `usage: pnpm golden [scenario.json | folder]...

Replays golden scenario files through the reference bridge on the Moodle twin and compares what the twin stores,
grades, completes and logs with what Moodle stored. Without arguments: every scenario of
${path.join(GOLDEN_ROOT, GOLDEN_RELEASE, "scenarios")}.
Differences are documented in ${EXPECTATIONS_PATH}, under the scenario's name.
Exit codes: 0 every difference documented; 1 an undocumented difference, a documented one that no longer occurs,
or a replay that broke; 2 bad input (an unreadable or malformed file, or a broken expectations file).`;

class BadInput extends Error {}

/** The stack, the bridge and a browser, started on first use and closed at the end. */
function lazyDeps() {
  let started: Promise<{ deps: ReplayDeps; close: () => Promise<void> }> | null = null;
  const start = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "esb-golden-"));
    const bridge = await resolveBridge("reference").build(dir);
    const stack = await startEmbeddedStack({ bridgeDir: bridge.dir, lmsPlugin: bridge.lmsPlugin });
    const browser = await chromium.launch({
      executablePath: chooseChromium().executablePath,
      args: [...baseChromiumArgs(), ...stack.browserArgs()],
    });
    const close = async () => {
      await browser.close();
      await stack.close();
      await rm(dir, { recursive: true, force: true });
    };
    return { deps: { browser, stack, lms: createTwinDriver(stack) }, close };
  };
  return {
    get: async () => (await (started ??= start())).deps,
    close: async () => {
      if (started) await (await started).close();
    },
  };
}

async function judgeFile(
  { file, scenario }: ScenarioFile,
  expectations: DivergenceExpectations,
  deps: () => Promise<ReplayDeps>,
): Promise<ScenarioRow> {
  const scope = scenarioScope(scenario);
  const entry = expectations.scenarios[scenario.name];
  const row = (outcome: ScenarioRow["outcome"], message = ""): ScenarioRow => ({
    file,
    name: scenario.name,
    outcome,
    message,
  });
  const scopeProblem =
    entry && entry.scope !== scope.kind
      ? `Golden parity ${scenario.name}: ${EXPECTATIONS_PATH} says scope "${entry.scope}", the replay says "${scope.kind}" (${scope.reason})`
      : "";
  if (scope.kind === "out") return row({ kind: "out", reason: scope.reason }, scopeProblem);
  try {
    const judged = await replayAndJudge(await deps(), scenario, scope, entry?.divergences ?? []);
    const { verdict, differences } = judged;
    const message = [scopeProblem, verdictMessage(scenario.name, verdict)].filter(Boolean).join("\n");
    return row(
      {
        kind: "judged",
        scope: scope.kind,
        differences: differences.length,
        documented: verdict.matched.length,
        undocumented: verdict.unlisted.length,
        stale: verdict.stale.length,
      },
      message,
    );
  } catch (e) {
    const error = e instanceof Error ? e.message.split("\n")[0]! : String(e);
    return row({ kind: "broken", error }, `Golden parity ${scenario.name}: the replay broke: ${String(e)}`);
  }
}

async function goldenMain(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const unknown = argv.find((a) => a.startsWith("-"));
  if (unknown) throw new BadInput(`unknown option ${unknown} (see pnpm golden --help)`);
  const inputs = argv.length > 0 ? argv : [path.join(GOLDEN_ROOT, GOLDEN_RELEASE, "scenarios")];
  const read = readScenarioFiles(inputs);
  if (read.problems.length > 0) throw new BadInput(read.problems.join("\n"));
  let expectations: DivergenceExpectations;
  try {
    expectations = loadExpectations();
  } catch (e) {
    throw new BadInput(`${EXPECTATIONS_PATH}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const deps = lazyDeps();
  const rows: ScenarioRow[] = [];
  try {
    for (const file of read.files) {
      const row = await judgeFile(file, expectations, deps.get);
      console.log(`golden: ${row.name} ${rowFails(row) ? "FAIL" : "ok"}`);
      rows.push(row);
    }
  } finally {
    await deps.close();
  }
  console.log(`\n${goldenTable(rows)}`);
  for (const row of rows.filter(rowFails)) console.log(`\n${row.file}\n${row.message}`);
  return rows.some(rowFails) ? 1 : 0;
}

goldenMain(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof BadInput) {
      console.error(`golden: bad input:\n${e.message}`);
      process.exit(2);
    }
    console.error(e);
    process.exit(3);
  },
);
