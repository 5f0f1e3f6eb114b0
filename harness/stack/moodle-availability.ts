// Whether the real-Moodle stack (moodle-stack.ts) can run here: ESB_MOODLE_DIR names an installed Moodle codebase
// (its config.php, written by moodle-stack/real/install-moodle.sh) and PHP's CLI answers.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const MOODLE_DIR_VARIABLE = "ESB_MOODLE_DIR";

export function moodleStackProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env[MOODLE_DIR_VARIABLE]?.trim();
  if (!dir)
    return `${MOODLE_DIR_VARIABLE} is not set; set it to a Moodle 4.5 codebase installed by moodle-stack/real/install-moodle.sh`;
  if (!existsSync(path.join(dir, "version.php")))
    return `${MOODLE_DIR_VARIABLE}=${dir} is not a Moodle codebase`;
  if (!existsSync(path.join(dir, "config.php")))
    return `${dir} has no config.php: install the site first (moodle-stack/real/install-moodle.sh)`;
  if (!existsSync(path.join(dir, "local", "externalscormbridge", "version.php")))
    return `${dir} has no local/externalscormbridge: npx tsx moodle-stack/real/build-plugin.ts ${dir}/local`;
  const php = spawnSync(env.ESB_PHP ?? "php", ["-v"], { encoding: "utf8", timeout: 20_000 });
  if (php.status !== 0)
    return `PHP's CLI (${env.ESB_PHP ?? "php"}) does not run: ${php.error?.message ?? php.stderr}`;
  return null;
}
