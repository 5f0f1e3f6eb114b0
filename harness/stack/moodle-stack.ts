// The real-Moodle stack: the embedded stack's mock CDN, attacker site, request logs and fault injector, with the
// LMS origin (https://lms.test:<port>) answered by a real Moodle through a reverse proxy: `php -S` serving the
// codebase of ESB_MOODLE_DIR (--stack moodle), or a Moodle container (--stack containers with ESB_MOODLE_IMAGE;
// moodle-stack/containers/moodle-container.ts). Moodle learns its wwwroot and outgoing proxy from the environment
// through a snippet in its config.php (moodle-stack/real/stack-config.ts); its curl trusts the run CA and reaches
// the test sites through a CONNECT proxy. The twin the embedded stack makes stays idle.
import type { Pool } from "mysql2/promise";
import { createPool } from "mysql2/promise";
import { runMoodleScript, type MoodleCli } from "../../moodle-stack/real/moodle-cli.ts";
import { startConnectProxy } from "./connect-proxy.ts";
import { startEmbeddedStack, type EmbeddedStack, type EmbeddedStackOptions } from "./embedded-stack.ts";
import type { MoodleBackend } from "./moodle-backend.ts";
import { MOODLE_DIR_VARIABLE } from "./moodle-availability.ts";
import { phpMoodleBackend } from "./php-moodle-backend.ts";
import { createReverseProxy } from "./reverse-proxy.ts";

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

/**
 * The embedded stack with lms.test answered by a real Moodle the backend starts: a reverse proxy in front of it, a
 * CONNECT proxy for its outgoing requests, and its database opened for the driver's reads.
 */
export async function startRealMoodleStack(
  options: Omit<EmbeddedStackOptions, "lmsBackend">,
  backend: MoodleBackend,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MoodleStack> {
  const proxy = createReverseProxy();
  const stack = await startEmbeddedStack({ ...options, lmsBackend: proxy.handler });
  const closers: Array<() => Promise<void>> = [() => stack.close()];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    const outgoing = await startConnectProxy();
    closers.push(() => outgoing.close());
    const moodle = await backend.start({
      wwwroot: stack.origins.lms,
      httpProxyPort: outgoing.port,
      caPem: stack.ca.caPem,
      workDir: stack.storageDir,
      env,
    });
    closers.push(() => moodle.close());
    const { cli } = moodle;
    const site = JSON.parse(await runMoodleScript(cli, "site-info.php")) as SiteInfo;
    if (site.prefix !== "mdl_")
      throw new Error(`The driver's shared queries read mdl_ tables; this Moodle's prefix is ${site.prefix}`);
    const db = createPool({ ...databaseConnection(site), connectionLimit: 4 });
    closers.push(() => db.end());
    await db.query("SELECT 1 FROM mdl_config LIMIT 1");
    proxy.setUpstream(moodle.port, new URL(stack.origins.lms).host);
    process.stdout.write(
      `moodle stack: Moodle ${site.release} ${moodle.where} at ${stack.origins.lms} (${moodle.detail})\n`,
    );
    return { ...stack, moodle: { cli, db, site }, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** `--stack moodle`: the Moodle codebase of ESB_MOODLE_DIR on this machine, served by php -S. */
export async function startMoodleStack(
  options: Omit<EmbeddedStackOptions, "lmsBackend">,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MoodleStack> {
  const moodleDir = env[MOODLE_DIR_VARIABLE];
  if (!moodleDir) throw new Error(`${MOODLE_DIR_VARIABLE} is not set`);
  return startRealMoodleStack(options, phpMoodleBackend(moodleDir), env);
}
