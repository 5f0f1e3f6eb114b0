// The containers stack through the CLI: with a Docker engine, the properties pass with the twin's tables on MySQL
// in a Testcontainers container (mysql:8.4, or esb-mariadb built by scripts/setup-containers.sh) and the mock CDN
// in another (esb-mock-cdn); without one, the run is skipped with the reason (exit 4, every selected property
// "skipped", none passed or failed).
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { runConformanceCli, type CliRun } from "../../harness/cli/run-conformance-cli.ts";
import { implementedPropertyIds } from "../../harness/reporting/results-file.ts";
import { containersStackProblem } from "../../harness/stack/containers-availability.ts";
import { MARIADB_IMAGE, MOCK_CDN_IMAGE } from "../../moodle-stack/containers/images.ts";

const statuses = (run: CliRun, ids: string[]) =>
  Object.fromEntries(ids.map((id) => [id, run.results?.properties.find((p) => p.id === id)?.status]));

/** Why the containers stack cannot run the properties here, or null when it can. */
function containersSkipReason(): string | null {
  const problem = containersStackProblem();
  if (problem) return `the containers stack cannot run here: ${problem}`;
  for (const image of [
    process.env.ESB_MYSQL_IMAGE || MARIADB_IMAGE,
    process.env.ESB_MOCK_CDN_IMAGE || MOCK_CDN_IMAGE,
  ])
    if (spawnSync("docker", ["image", "inspect", image], { stdio: "ignore" }).status !== 0)
      return `the engine has no ${image} image (scripts/setup-containers.sh builds it; see its output)`;
  return null;
}

test("without a Docker engine the containers stack is skipped with the reason, nothing passed or failed", async () => {
  const run = await runConformanceCli(["--stack", "containers", "--properties", "P02,P05"], {
    DOCKER_HOST: "unix:///nonexistent/docker.sock",
  });
  expect(run.code, run.output).toBe(4);
  expect(run.output).toMatch(
    /Skipped: stack "containers" cannot run here: no Docker engine answers at unix:\/\/\/nonexistent\/docker\.sock/,
  );
  expect(statuses(run, ["P02", "P05"])).toEqual({ P02: "skipped", P05: "skipped" });
  expect(run.results?.properties.find((p) => p.id === "P02")?.message).toMatch(/no Docker engine answers/);
  expect(run.results?.properties.filter((p) => p.status === "passed" || p.status === "failed")).toEqual([]);
});

test("every property passes on the containers stack with the twin on MySQL", async () => {
  const reason = containersSkipReason();
  if (reason) console.log(`containers stack test skipped: ${reason}`);
  test.skip(reason !== null, reason ?? "");
  const ids = [...implementedPropertyIds()].sort();
  const run = await runConformanceCli([
    "--stack",
    "containers",
    "--properties",
    ids.join(","),
    "--runs",
    "2",
  ]);
  const failed = run.results?.properties.filter((p) => p.status === "failed") ?? [];
  expect(
    run.code,
    [...failed.map((p) => `${p.id}: ${p.message}`), run.output.slice(-3000)].join("\n\n"),
  ).toBe(0);
  expect(run.output).toMatch(/containers stack: the twin's tables on \S+ at localhost:\d+/);
  expect(run.output).toMatch(/containers stack: the mock CDN in \S+ at https:\/\/cdn\.test:\d+/);
  expect(run.results?.suite.stack).toBe("containers");
  expect(statuses(run, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, "passed"])));
});
