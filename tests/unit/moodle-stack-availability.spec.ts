// Whether the real-Moodle stack can run (harness/stack/moodle-availability.ts), each missing piece named, and the
// CLI knowing the stack by name.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parseConformanceArgs } from "../../harness/cli/conformance-args.ts";
import { moodleStackProblem } from "../../harness/stack/moodle-availability.ts";
import { selectedStack } from "../../harness/stack/start-stack.ts";
import { phpCli } from "../../moodle-stack/plugin-tools/describe-plugin.ts";

test("--stack moodle and ESB_STACK=moodle name the real-Moodle stack", () => {
  expect(parseConformanceArgs(["--stack", "moodle"]).stack).toBe("moodle");
  expect(selectedStack({ ESB_STACK: "moodle" })).toBe("moodle");
});

test("each missing piece of a real Moodle is named; a complete codebase with a PHP CLI can run", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "esb-moodle-availability-"));
  try {
    expect(moodleStackProblem({})).toMatch(/ESB_MOODLE_DIR is not set/);
    expect(moodleStackProblem({ ESB_MOODLE_DIR: dir })).toMatch(/is not a Moodle codebase/);
    writeFileSync(path.join(dir, "version.php"), "<?php\n");
    expect(moodleStackProblem({ ESB_MOODLE_DIR: dir })).toMatch(/has no config\.php/);
    writeFileSync(path.join(dir, "config.php"), "<?php\n");
    expect(moodleStackProblem({ ESB_MOODLE_DIR: dir })).toMatch(/has no local\/externalscormbridge/);
    mkdirSync(path.join(dir, "local", "externalscormbridge"), { recursive: true });
    writeFileSync(path.join(dir, "local", "externalscormbridge", "version.php"), "<?php\n");
    const env = { ESB_MOODLE_DIR: dir, PATH: process.env.PATH };
    expect(moodleStackProblem({ ...env, ESB_PHP: path.join(dir, "no-php") })).toMatch(
      /PHP's CLI .* does not run/,
    );
    if (phpCli()) expect(moodleStackProblem(env)).toBeNull();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
