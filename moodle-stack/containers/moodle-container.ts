// A real Moodle in a container for `--stack containers` with ESB_MOODLE_IMAGE (an image of images/moodle/Dockerfile
// around a Moodle codebase the user names): a MySQL container (mysql-container.ts) holds its database; the Moodle
// container runs Apache + PHP 8.2 on the host's network, so Moodle, the stack's reverse proxy (lms.test) and its
// CONNECT proxy all meet on loopback and the wwwroot needs no port mapping (the browser's origin is the proxy's,
// config.php's stack snippet sets it and the port). At start the current plugin build and this project's CLI
// scripts are copied in, Moodle is installed by admin/cli/install.php and configured by admin/cli/cfg.php; the
// dataroot is a folder of this run mounted at the same path, so the driver reads the site key where Moodle keeps it.
import { randomBytes } from "node:crypto";
import { chown, mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { createConnection } from "mysql2/promise";
import { GenericContainer, Wait, type StartedTestContainer } from "testcontainers";
import type { MoodleBackend } from "../../harness/stack/moodle-backend.ts";
import { freePort } from "../../harness/stack/php-server.ts";
import { buildPlugin } from "../real/build-plugin.ts";
import { REAL_DIR, type MoodleCli } from "../real/moodle-cli.ts";
import { withStackConfig } from "../real/stack-config.ts";
import { localEngineDefaults, STACK_LABEL, startMysqlContainer } from "./mysql-container.ts";

export const MOODLE_IMAGE_VARIABLE = "ESB_MOODLE_IMAGE";
const CODEBASE = "/var/www/html";
const SCRIPTS = "/opt/esb/real";
const WEB_USER = "www-data";
/** Debian's and the php images' www-data. */
const WEB_UID = 33;
const DATABASE = "esbmoodle";
const STARTUP_TIMEOUT_MS = 120_000;

/** The site settings the CDN URL type needs (as moodle-stack/real/install-moodle.sh sets them). */
export const SITE_SETTINGS: ReadonlyArray<{ name: string; value: string; component?: string }> = [
  { name: "allowtypeexternal", value: "1", component: "scorm" },
  { name: "curlsecurityblockedhosts", value: "" },
  { name: "curlsecurityallowedport", value: "" },
  { name: "enablewebservices", value: "1" },
  { name: "debug", value: "32767" },
  { name: "debugdisplay", value: "0" },
];

/** admin/cli/install.php's arguments for a fresh site on the given database. */
export function installArguments(site: {
  wwwroot: string;
  dataroot: string;
  dbtype: "mariadb" | "mysqli";
  db: URL;
  adminPassword: string;
}): string[] {
  return [
    "--non-interactive",
    "--agree-license",
    "--lang=en",
    `--wwwroot=${site.wwwroot}`,
    `--dataroot=${site.dataroot}`,
    `--dbtype=${site.dbtype}`,
    `--dbhost=${site.db.hostname === "localhost" ? "127.0.0.1" : site.db.hostname}`,
    `--dbport=${site.db.port}`,
    `--dbname=${DATABASE}`,
    `--dbuser=${decodeURIComponent(site.db.username)}`,
    `--dbpass=${decodeURIComponent(site.db.password)}`,
    "--prefix=mdl_",
    "--fullname=ESB conformance",
    "--shortname=esb",
    "--adminuser=admin",
    `--adminpass=${site.adminPassword}`,
    "--adminemail=admin@example.invalid",
    "--supportemail=admin@example.invalid",
  ];
}

async function run(container: StartedTestContainer, what: string, command: string[]): Promise<string> {
  const result = await container.exec(command, { user: WEB_USER });
  if (result.exitCode !== 0)
    throw new Error(
      `${what} failed in the Moodle container (exit ${result.exitCode}):\n${result.output.slice(-3000)}`,
    );
  return result.output;
}

/** Creates Moodle's database on the MySQL container; whether the server is MariaDB (Moodle's dbtype). */
async function createDatabase(url: URL): Promise<"mariadb" | "mysqli"> {
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await connection.query(
      `CREATE DATABASE ${DATABASE} DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [rows] = await connection.query("SELECT VERSION() AS v");
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v)) ? "mariadb" : "mysqli";
  } finally {
    await connection.end();
  }
}

export function moodleContainerBackend(image: string): MoodleBackend {
  return {
    async start(stackRun) {
      localEngineDefaults();
      const closers: Array<() => Promise<void>> = [];
      const close = async (): Promise<void> => {
        for (const c of closers.reverse()) await c().catch(() => undefined);
      };
      try {
        const mysql = await startMysqlContainer();
        closers.push(() => mysql.stop());
        const dbUrl = new URL(mysql.url);
        const dbtype = await createDatabase(dbUrl);

        const workDir = await mkdtemp(path.join(stackRun.workDir, "moodle-"));
        closers.push(() => rm(workDir, { recursive: true, force: true }));
        const dataroot = path.join(workDir, "moodledata");
        await mkdir(dataroot);
        await chown(dataroot, WEB_UID, WEB_UID);
        const pluginDir = await buildPlugin(workDir);

        const port = await freePort();
        let container: StartedTestContainer;
        try {
          container = await new GenericContainer(image)
            .withNetworkMode("host")
            .withEnvironment({
              ESB_APACHE_PORT: String(port),
              ESB_MOODLE_WWWROOT: stackRun.wwwroot,
              ESB_MOODLE_HTTP_PROXY: `127.0.0.1:${stackRun.httpProxyPort}`,
            })
            .withBindMounts([{ source: dataroot, target: dataroot, mode: "rw" }])
            .withCopyContentToContainer([
              { content: stackRun.caPem, target: "/etc/esb/run-ca.pem", mode: 0o644 },
            ])
            .withCopyDirectoriesToContainer([
              { source: pluginDir, target: `${CODEBASE}/local/externalscormbridge` },
              { source: REAL_DIR, target: SCRIPTS },
            ])
            .withLabels({ [STACK_LABEL]: "containers" })
            .withWaitStrategy(
              Wait.forSuccessfulCommand(`php -r 'exit(@fsockopen("127.0.0.1", ${port}) ? 0 : 1);'`),
            )
            .withStartupTimeout(STARTUP_TIMEOUT_MS)
            .start();
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          throw new Error(
            `The Moodle container (${image}) did not start: ${why}. Build it with ESB_MOODLE_DIR set: ` +
              "`npx tsx moodle-stack/containers/build-images.ts` (see moodle-stack/containers/README.md).",
            { cause: error },
          );
        }
        closers.push(async () => void (await container.stop({ timeout: 5_000 })));

        const adminPassword = `Esb-${randomBytes(6).toString("hex")}-1!`;
        await run(container, "admin/cli/install.php", [
          "php",
          `${CODEBASE}/admin/cli/install.php`,
          ...installArguments({ wwwroot: stackRun.wwwroot, dataroot, dbtype, db: dbUrl, adminPassword }),
        ]);
        const config = await run(container, "reading config.php", ["cat", `${CODEBASE}/config.php`]);
        await container.copyContentToContainer([
          { content: withStackConfig(config), target: `${CODEBASE}/config.php`, mode: 0o644 },
        ]);
        for (const s of SITE_SETTINGS)
          await run(container, `setting ${s.name}`, [
            "php",
            `${CODEBASE}/admin/cli/cfg.php`,
            `--name=${s.name}`,
            `--set=${s.value}`,
            ...(s.component ? [`--component=${s.component}`] : []),
          ]);

        const cli: MoodleCli = {
          moodleDir: CODEBASE,
          env: stackRun.env,
          container: { id: container.getId(), user: WEB_USER, scriptsDir: SCRIPTS },
        };
        return {
          cli,
          port,
          where: `in container ${container.getId().slice(0, 12)}`,
          detail: `${image}, Apache on 127.0.0.1:${port}; database in a ${mysql.image} container`,
          close,
        };
      } catch (error) {
        await close();
        throw error;
      }
    },
  };
}
