// `php -l` over every PHP file of the Moodle plugin, its tools and the real-Moodle scripts (skipped, with a notice, without a PHP CLI).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PLUGIN_DIR, phpCli } from "../../moodle-stack/plugin-tools/describe-plugin.ts";

const php = phpCli();
const TOOLS_DIR = path.join(PLUGIN_DIR, "../../../plugin-tools");
/** The real-Moodle scripts (provisioning, the Moodle driver's operations). */
const REAL_DIR = path.join(PLUGIN_DIR, "../../../real");

function phpFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return phpFiles(full);
    return name.endsWith(".php") ? [full] : [];
  });
}

const lint = (file: string) => spawnSync(php as string, ["-l", file], { encoding: "utf8" });

test.describe("php -l", () => {
  test.skip(!php, "No PHP CLI (scripts/setup.sh installs Debian's php-cli): PHP syntax not checked");

  test("passes on every PHP file of the plugin, its tools and the real-Moodle scripts", () => {
    const files = [...phpFiles(PLUGIN_DIR), ...phpFiles(TOOLS_DIR), ...phpFiles(REAL_DIR)];
    expect(files.length).toBeGreaterThan(20);
    const failures = files
      .map((file) => ({ file, result: lint(file) }))
      .filter(({ result }) => result.status !== 0)
      .map(({ file, result }) => `${path.relative(PLUGIN_DIR, file)}: ${result.stdout}${result.stderr}`);
    expect(failures).toEqual([]);
  });

  test("fails on a PHP syntax error", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "esb-php-lint-"));
    try {
      const file = path.join(dir, "broken.php");
      writeFileSync(file, "<?php\nfunction broken( {\n");
      expect(lint(file).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
