// The CLI's options beyond the basics: packages, CDN base, replay, shard, stacks; the report CLI's options;
// the harness UI's request translation and cross-site guard; and the exit codes of the CLIs as processes.
import { spawnSync } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { HELP, parseConformanceArgs } from "../../harness/cli/conformance-args.ts";
import { packagesEnv } from "../../harness/cli/package-source.ts";
import { parseReportArgs } from "../../harness/cli/report-args.ts";
import { PROJECT_ROOT } from "../../harness/packages/package-files.ts";
import { containersStackProblem } from "../../harness/stack/containers-availability.ts";
import { crossSiteProblem, hostAllowed } from "../../harness/ui/request-guard.ts";
import { runArgs } from "../../harness/ui/run-request.ts";

let tmp: string;
test.beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "esb-options-"));
  await mkdir(path.join(tmp, "course"));
  await writeFile(path.join(tmp, "course.zip"), "PK");
  await writeFile(path.join(tmp, "notes.txt"), "x");
});
test.afterAll(async () => rm(tmp, { recursive: true, force: true }));

test("--packages takes a folder, a zip or an http(s) URL, is absent by default, refuses the rest", () => {
  expect(parseConformanceArgs([]).packages).toBeUndefined();
  expect(parseConformanceArgs(["--packages", path.join(tmp, "course")]).packages?.kind).toBe("folder");
  const zip = parseConformanceArgs(["--packages", path.join(tmp, "course.zip")]).packages;
  expect(zip && packagesEnv(zip)).toBe(`zip:${path.join(tmp, "course.zip")}`);
  expect(parseConformanceArgs(["--packages", "https://cdn.example/p/imsmanifest.xml"]).packages).toEqual({
    kind: "url",
    location: "https://cdn.example/p/imsmanifest.xml",
  });
  const bad: Array<[string, RegExp]> = [
    [path.join(tmp, "missing"), /does not exist/],
    [path.join(tmp, "notes.txt"), /neither a \.zip file nor a folder/],
    ["ftp://cdn.example/p.zip", /must be http\(s\)/],
    ["https://user:pw@cdn.example/p.zip", /user info/],
  ];
  for (const [value, message] of bad)
    expect(() => parseConformanceArgs(["--packages", value]), value).toThrow(message);
});

test("--cdn-base must be a plain https URL and names where --packages are served", () => {
  const withPackages = (...args: string[]) =>
    parseConformanceArgs(["--packages", path.join(tmp, "course"), ...args]);
  expect(withPackages("--cdn-base", "https://cdn.vendor.example/scorm").cdnBase).toBe(
    "https://cdn.vendor.example/scorm",
  );
  expect(parseConformanceArgs([]).cdnBase).toBeUndefined();
  expect(() => withPackages("--cdn-base", "http://cdn.example")).toThrow(/https/);
  expect(() => withPackages("--cdn-base", "https://cdn.example/?a=1")).toThrow(/query/);
  expect(() => withPackages("--cdn-base", "cdn")).toThrow(/not a URL/);
  expect(() => parseConformanceArgs(["--cdn-base", "https://cdn.example"])).toThrow(/--packages/);
});

test("--replay carries seed and path as a failure prints them, and excludes --seed/--path", () => {
  expect(parseConformanceArgs(["--replay", "-42:3:1"])).toMatchObject({ seed: -42, path: "3:1" });
  expect(parseConformanceArgs(["--replay", "7"])).toMatchObject({ seed: 7, path: undefined });
  // Seeds are often negative, and replay commands print them as "--seed -123".
  expect(parseConformanceArgs(["--seed", "-123", "--path", "0:2"])).toMatchObject({
    seed: -123,
    path: "0:2",
  });
  expect(() => parseConformanceArgs(["--replay", "7:x"])).toThrow(/not <seed> or <seed>:<path>/);
  expect(() => parseConformanceArgs(["--replay", "7", "--seed", "7"])).toThrow(/drop --seed/);
});

test("--shard is i/n with 1 <= i <= n", () => {
  expect(parseConformanceArgs(["--shard", "2/3"]).shard).toEqual({ index: 2, total: 3 });
  for (const bad of ["0/3", "4/3", "1/0", "1", "a/b"])
    expect(() => parseConformanceArgs(["--shard", bad]), bad).toThrow(/--shard must be i\/n/);
});

test("stacks: embedded and containers are known (whether containers can run is the run's to say); others unknown", () => {
  expect(parseConformanceArgs(["--stack", "embedded"]).stack).toBe("embedded");
  expect(parseConformanceArgs(["--stack", "containers"]).stack).toBe("containers");
  expect(containersStackProblem("")).not.toBeNull();
  expect(() => parseConformanceArgs(["--stack", "cloud"])).toThrow(/Unknown stack "cloud"/);
});

test("properties by tag and range; the help explains every option and the exit codes", () => {
  expect(parseConformanceArgs(["--properties", "P05-P07"]).properties).toEqual(["P05", "P06", "P07"]);
  expect(parseConformanceArgs(["--properties", "security"]).properties).toContain("P20");
  for (const option of [
    "--properties",
    "--bridge",
    "--stack",
    "--packages",
    "--cdn-base",
    "--runs",
    "--seed",
    "--path",
    "--replay",
    "--workers",
    "--shard",
    "--reports-dir",
    "Exit codes: 0",
  ])
    expect(HELP).toContain(option);
});

test("pnpm report options: merge needs two shards", () => {
  expect(parseReportArgs(["--merge", "a", "--merge", "b", "--no-allure"])).toMatchObject({
    merge: ["a", "b"],
    allure: false,
  });
  expect(() => parseReportArgs(["--merge", "a"])).toThrow(/at least two/);
  expect(() => parseReportArgs(["--nope"])).toThrow(/Unknown option/);
});

test("the harness turns a form into CLI arguments the CLI's parser then validates", () => {
  const args = runArgs({ bridge: "reference", properties: "P12", runs: 2, packages: "", seed: null });
  expect(args).toEqual(["--bridge=reference", "--properties=P12", "--runs=2", "--workers=1"]);
  expect(parseConformanceArgs(args).properties).toEqual(["P12"]);
  expect(() => runArgs({ bridge: { $ne: 1 } })).toThrow(/bridge must be text/);
  expect(() => parseConformanceArgs(runArgs({ bridge: "--help" }))).toThrow(/Unknown bridge/);
});

test("the harness guard wants its own Host, its own Origin and the session token", () => {
  const config = { origin: "http://127.0.0.1:4100", token: "a".repeat(48) };
  expect(hostAllowed("127.0.0.1:4100", config)).toBe(true);
  expect(hostAllowed("attacker.example:4100", config)).toBe(false);
  expect(hostAllowed(undefined, config)).toBe(false);
  expect(crossSiteProblem("http://127.0.0.1:4100", "a".repeat(48), config)).toBeNull();
  expect(crossSiteProblem("https://evil.test", "a".repeat(48), config)).toMatch(/origin/);
  expect(crossSiteProblem(undefined, "a".repeat(48), config)).toMatch(/origin/);
  expect(crossSiteProblem("http://127.0.0.1:4100", "b".repeat(48), config)).toMatch(/token/);
  expect(crossSiteProblem("http://127.0.0.1:4100", undefined, config)).toMatch(/token/);
});

test("the CLIs as processes: help exits 0, bad arguments 2, a report without results 3", () => {
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: { ...process.env, ESB_MODE: "" },
    });
  const help = run("harness/cli/conformance.ts", ["--help"]);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("--packages <src>");
  const bad = run("harness/cli/conformance.ts", ["--shard", "3/2"]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("--shard must be i/n");
  const report = run("harness/cli/report.ts", ["--reports-dir", path.join(tmp, "empty"), "--no-allure"]);
  expect(report.status, report.stderr).toBe(3);
  expect(report.stderr).toContain("run pnpm conformance first");
});

test("--moodle-schema picks the twin's tracking tables, 4.5 or 4.1, and names a bad value", () => {
  expect(parseConformanceArgs(["--moodle-schema", "4.1"]).moodleSchema).toBe("4.1");
  expect(parseConformanceArgs([]).moodleSchema).toBeUndefined();
  expect(() => parseConformanceArgs(["--moodle-schema", "4.3"])).toThrow(
    '--moodle-schema: "4.3" is not a Moodle schema (one of 4.5, 4.1)',
  );
});
