// A real Moodle codebase on this machine (ESB_MOODLE_DIR, installed by moodle-stack/real/install-moodle.sh) served
// by `php -S`: its config.php gets the stack's snippet once (stack-config.ts), PHP trusts only the run CA, and the
// CLI scripts run with the same environment as the web server.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { moodleProcessEnv, stackPhpIni, withStackConfig } from "../../moodle-stack/real/stack-config.ts";
import type { MoodleCli } from "../../moodle-stack/real/moodle-cli.ts";
import type { MoodleBackend } from "./moodle-backend.ts";
import { startPhpServer } from "./php-server.ts";

export function phpMoodleBackend(moodleDir: string): MoodleBackend {
  return {
    async start(run) {
      const configFile = path.join(moodleDir, "config.php");
      const config = await readFile(configFile, "utf8");
      const configured = withStackConfig(config);
      if (configured !== config) await writeFile(configFile, configured);
      const caFile = path.join(run.workDir, "run-ca.pem");
      await writeFile(caFile, run.caPem);
      await writeFile(path.join(run.workDir, "99-esb-stack.ini"), stackPhpIni(caFile));
      const phpEnv = moodleProcessEnv(run.env, {
        wwwroot: run.wwwroot,
        httpProxyPort: run.httpProxyPort,
        iniDir: run.workDir,
      });
      const cli: MoodleCli = { moodleDir, env: phpEnv, php: run.env.ESB_PHP };
      const server = await startPhpServer({
        docroot: moodleDir,
        env: phpEnv,
        php: run.env.ESB_PHP,
        log: (line) => process.stderr.write(`moodle: ${line}\n`),
      });
      return {
        cli,
        port: server.port,
        where: `from ${moodleDir}`,
        detail: `php -S on 127.0.0.1:${server.port}`,
        close: () => server.close(),
      };
    },
  };
}
