// The real-Moodle stack through the CLI (issue 8): with a Moodle installed by moodle-stack/real/install-moodle.sh
// at ESB_MOODLE_DIR, properties run against it behind https://lms.test and pass; without one, the run is skipped
// with the reason (exit 4, every selected property "skipped", none passed or failed). CI has no Moodle: the first
// test then skips with a notice.
import { expect, test } from "@playwright/test";
import { runConformanceCli, type CliRun } from "../../harness/cli/run-conformance-cli.ts";
import { moodleStackProblem } from "../../harness/stack/moodle-availability.ts";

const statuses = (run: CliRun, ids: string[]) =>
  Object.fromEntries(ids.map((id) => [id, run.results?.properties.find((p) => p.id === id)?.status]));

test("properties pass against a real Moodle behind the stack's https://lms.test", async () => {
  const problem = moodleStackProblem();
  if (problem) console.log(`real-Moodle stack test skipped: ${problem}`);
  test.skip(problem !== null, `No real Moodle: ${problem}`);
  // Tracking capture, suspend data, score and completion: the plugin's launch and commit in a real Moodle, read
  // back through SQL from Moodle's own tables and gradebook.
  const ids = ["P05", "P06", "P07", "P08"];
  const run = await runConformanceCli([
    "--stack",
    "moodle",
    "--properties",
    ids.join(","),
    "--runs",
    "2",
    "--workers",
    "1",
  ]);
  const failed = run.results?.properties.filter((p) => p.status === "failed") ?? [];
  expect(
    run.code,
    [...failed.map((p) => `${p.id}: ${p.message}`), run.output.slice(-3000)].join("\n\n"),
  ).toBe(0);
  expect(run.output).toMatch(
    /moodle stack: Moodle \d+\.\d+\S* \(Build: \d+\) from \S+ at https:\/\/lms\.test:\d+/,
  );
  expect(run.results?.suite.stack).toBe("moodle");
  expect(statuses(run, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, "passed"])));
});

test("without a real Moodle the moodle stack is skipped with the reason, nothing passed or failed", async () => {
  const run = await runConformanceCli(["--stack", "moodle", "--properties", "P02,P05"], {
    ESB_MOODLE_DIR: "",
  });
  expect(run.code, run.output).toBe(4);
  expect(run.output).toMatch(/Skipped: stack "moodle" cannot run here: ESB_MOODLE_DIR is not set/);
  expect(statuses(run, ["P02", "P05"])).toEqual({ P02: "skipped", P05: "skipped" });
  expect(run.results?.properties.filter((p) => p.status === "passed" || p.status === "failed")).toEqual([]);
});
