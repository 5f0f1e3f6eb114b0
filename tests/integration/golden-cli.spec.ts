// `pnpm golden` (harness/cli/golden.ts) as a user runs it: scenario files from any folder, a per-scenario table, and
// its exit codes: 0 when every difference is documented, 1 on an undocumented difference or a documented one that no
// longer occurs, 2 on bad input. The altered scenarios are temporary copies of shared ones.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PROJECT_ROOT } from "../../harness/packages/package-files.ts";
import { loadGoldenCorpus } from "../../harness/golden/scenario-loader.ts";
import type { GoldenScenario } from "../../harness/golden/scenario-types.ts";

const corpus = loadGoldenCorpus();
const scenariosDir = path.join(corpus.dir, "scenarios");

test.describe.configure({ mode: "serial" });
test.skip(!corpus.available, corpus.notice);
test.setTimeout(180_000);

let dir = "";
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "esb-golden-cli-"));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function golden(args: string[]): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "harness/cli/golden.ts", ...args], {
    cwd: PROJECT_ROOT,
    env: process.env,
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on("exit", (c) => resolve({ code: c ?? -1, output })));
}

/** A copy of a shared scenario, changed by `alter`, written to the temporary folder. */
async function copyOf(name: string, file: string, alter: (s: GoldenScenario) => void = () => {}) {
  const scenario = JSON.parse(
    await readFile(path.join(scenariosDir, `${name}.json`), "utf8"),
  ) as GoldenScenario;
  alter(scenario);
  const target = path.join(dir, file);
  await writeFile(target, JSON.stringify(scenario));
  return target;
}

test("pnpm golden exits 2 on bad input and names each bad file", async () => {
  const broken = path.join(dir, "broken.json");
  await writeFile(broken, "{ not json");
  const noScript = await copyOf("s12_passed_score", "no-script.json", (s) => {
    delete (s as Partial<GoldenScenario>).script;
  });
  const missing = path.join(dir, "absent.json");
  const run = await golden([broken, noScript, missing]);
  expect(run.code, run.output).toBe(2);
  expect(run.output).toContain(`${broken}: not JSON`);
  expect(run.output).toContain(`${noScript}: no script`);
  expect(run.output).toContain(`${missing}: no such file or folder`);
});

test("pnpm golden exits 0 on a scenario from another folder whose differences are all documented", async () => {
  const copy = await copyOf("s2004_passed_only", "copied.json");
  const run = await golden([copy]);
  expect(run.code, run.output).toBe(0);
  expect(run.output).toMatch(/s2004_passed_only\s+copied\.json\s+full\s+\d+\s+\d+\s+0\s+0\s+ok/);
});

test("pnpm golden exits 1 on an undocumented difference and on a documented one that no longer occurs", async () => {
  const differs = await copyOf("s12_passed_score", "differs.json", (s) => {
    const raw = s.db.values.find((v) => v.element === "cmi.core.score.raw")!;
    raw.value = "86";
  });
  // Moodle's ISO AddTime bug ("P") is a documented divergence; pretending Moodle stored PT0S makes it stale.
  const fixed = await copyOf("s2004_passed_only", "fixed.json", (s) => {
    for (const v of s.db.values) if (v.element === "cmi.total_time") v.value = "PT0S";
  });
  const run = await golden([differs, fixed]);
  expect(run.code, run.output).toBe(1);
  expect(run.output).toContain('different ITEM-1#1 cmi.core.score.raw: Moodle "86", twin "85"');
  expect(run.output).toMatch(/listed divergence\(s\) no longer occur[\s\S]*cmi\.total_time/);
  expect(run.output).toMatch(/s12_passed_score\s+differs\.json\s+full\s+\d+\s+\d+\s+1\s+0\s+FAIL/);
  expect(run.output).toMatch(/s2004_passed_only\s+fixed\.json\s+full\s+\d+\s+\d+\s+0\s+1\s+FAIL/);
});
