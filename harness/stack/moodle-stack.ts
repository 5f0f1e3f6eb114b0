// The real-Moodle stack: the embedded stack's mock CDN, attacker site, request logs and fault injector, with the
// LMS origin (https://lms.test:<port>) answered by a real Moodle (ESB_MOODLE_DIR) through a reverse proxy to
// `php -S` serving that codebase. Moodle learns its wwwroot and outgoing proxy from the environment through a
// snippet the stack adds to its config.php once (moodle-stack/real/stack-config.ts); its curl trusts the run CA
// and reaches the test sites through a CONNECT proxy. The twin the embedded stack makes stays idle.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Pool } from "mysql2/promise";
import { createPool } from "mysql2/promise";
import { moodleProcessEnv, stackPhpIni, withStackConfig } from "../../moodle-stack/real/stack-config.ts";
import { runMoodleScript, type MoodleCli } from "../../moodle-stack/real/moodle-cli.ts";
import { startConnectProxy } from "./connect-proxy.ts";
import { startEmbeddedStack, type EmbeddedStack, type EmbeddedStackOptions } from "./embedded-stack.ts";
import { startPhpServer } from "./php-server.ts";
import { createReverseProxy } from "./reverse-proxy.ts";
import { MOODLE_DIR_VARIABLE } from "./moodle-availability.ts";

export interface SiteInfo {
  dbhost: string;
  dbname: string;
  dbuser: string;
  dbpass: string;
  dbport: string;
  dbsocket: string;
  prefix: string;
  dataroot: string;
  release: string;
}

/** What the Moodle driver needs: the PHP CLI set up as the web server is, and Moodle's database. */
export interface RealMoodle {
  cli: MoodleCli;
  db: Pool;
  site: SiteInfo;
}

export interface MoodleStack extends EmbeddedStack {
  moodle: RealMoodle;
}

export function isMoodleStack(stack: EmbeddedStack): stack is MoodleStack {
  return "moodle" in stack;
}

/** mysql2's connection options for Moodle's database settings ("localhost" without a port: the local socket). */
export function databaseConnection(site: SiteInfo): Record<string, string | number> {
  const base = { user: site.dbuser, password: site.dbpass, database: site.dbname };
  if (site.dbsocket) return { ...base, socketPath: site.dbsocket };
  if (site.dbhost === "localhost" && !site.dbport) return { ...base, socketPath: "/run/mysqld/mysqld.sock" };
  return { ...base, host: site.dbhost, port: Number(site.dbport || 3306) };
}

export async function startMoodleStack(
  options: Omit<EmbeddedStackOptions, "lmsBackend">,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MoodleStack> {
  const moodleDir = env[MOODLE_DIR_VARIABLE];
  if (!moodleDir) throw new Error(`${MOODLE_DIR_VARIABLE} is not set`);
  const configFile = path.join(moodleDir, "config.php");
  const config = await readFile(configFile, "utf8");
  const configured = withStackConfig(config);
  if (configured !== config) await writeFile(configFile, configured);

  const proxy = createReverseProxy();
  const stack = await startEmbeddedStack({ ...options, lmsBackend: proxy.handler });
  const closers: Array<() => Promise<void>> = [() => stack.close()];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    const outgoing = await startConnectProxy();
    closers.push(() => outgoing.close());
    const caFile = path.join(stack.storageDir, "run-ca.pem");
    await writeFile(caFile, stack.ca.caPem);
    await writeFile(path.join(stack.storageDir, "99-esb-stack.ini"), stackPhpIni(caFile));
    const phpEnv = moodleProcessEnv(env, {
      wwwroot: stack.origins.lms,
      httpProxyPort: outgoing.port,
      iniDir: stack.storageDir,
    });
    const cli: MoodleCli = { moodleDir, env: phpEnv, php: env.ESB_PHP };
    const site = JSON.parse(await runMoodleScript(cli, "site-info.php")) as SiteInfo;
    if (site.prefix !== "mdl_")
      throw new Error(`The driver's shared queries read mdl_ tables; this Moodle's prefix is ${site.prefix}`);
    const db = createPool({ ...databaseConnection(site), connectionLimit: 4 });
    closers.push(() => db.end());
    await db.query("SELECT 1 FROM mdl_config LIMIT 1");
    const server = await startPhpServer({
      docroot: moodleDir,
      env: phpEnv,
      php: env.ESB_PHP,
      log: (line) => process.stderr.write(`moodle: ${line}\n`),
    });
    closers.push(() => server.close());
    proxy.setUpstream(server.port, new URL(stack.origins.lms).host);
    process.stdout.write(
      `moodle stack: Moodle ${site.release} from ${moodleDir} at ${stack.origins.lms} (php -S on 127.0.0.1:${server.port})\n`,
    );
    return { ...stack, moodle: { cli, db, site }, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
