// `--stack containers` with ESB_MOODLE_IMAGE (issue 8): a real Moodle in a container (an image of
// moodle-stack/containers/images/moodle/Dockerfile around a Moodle codebase), its database in a MySQL container, the
// current plugin copied in and the site installed by admin/cli/install.php at start; properties run against it
// behind https://lms.test and pass. Without a Docker engine or such an image (CI has no Moodle codebase) the test
// skips with a notice.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { runConformanceCli } from "../../harness/cli/run-conformance-cli.ts";
import { dockerEngineProblem } from "../../harness/stack/docker-engine.ts";

const IMAGE = process.env.ESB_MOODLE_IMAGE || "esb-moodle";

function moodleImageProblem(): string | null {
  const engine = dockerEngineProblem();
  if (engine) return engine;
  const inspect = spawnSync("docker", ["image", "inspect", IMAGE], { stdio: "ignore" });
  return inspect.status === 0
    ? null
    : `no Moodle image "${IMAGE}" (build one from a Moodle codebase: moodle-stack/containers/README.md)`;
}

test("properties pass against Moodle in a container, its database in another", async () => {
  const problem = moodleImageProblem();
  if (problem) console.log(`Moodle container stack test skipped: ${problem}`);
  test.skip(problem !== null, `No Moodle container: ${problem}`);
  const ids = ["P05", "P06"];
  const run = await runConformanceCli(
    ["--stack", "containers", "--properties", ids.join(","), "--runs", "1", "--workers", "1"],
    { ESB_MOODLE_IMAGE: IMAGE },
  );
  const failed = run.results?.properties.filter((p) => p.status === "failed") ?? [];
  expect(
    run.code,
    [...failed.map((p) => `${p.id}: ${p.message}`), run.output.slice(-3000)].join("\n\n"),
  ).toBe(0);
  expect(run.output).toMatch(
    /moodle stack: Moodle \d+\.\d+\S* \(Build: \d+\) in container [0-9a-f]{12} at https:\/\/lms\.test:\d+/,
  );
  expect(run.output).toMatch(/containers stack: the mock CDN in \S+ at https:\/\/cdn\.test:\d+/);
  expect(run.results?.suite.stack).toBe("containers");
  expect(run.results?.properties.filter((p) => ids.includes(p.id)).map((p) => p.status)).toEqual([
    "passed",
    "passed",
  ]);
});
