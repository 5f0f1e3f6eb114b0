// A private MariaDB server for the project's tests: its own data directory under the temp folder, its own port on
// 127.0.0.1, started from Debian's binaries (mariadb-install-db, mariadbd) and stopped with its files removed. No
// system service, configuration file or data is touched. Returns null, with the reason, where the binaries are
// missing. Tuned for throwaway data: no binary log, no doublewrite, no flush per commit, one shared tablespace
// (creating and dropping a twin's 26 tables is then quick).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createConnection } from "mysql2/promise";

export interface PrivateMariaDb {
  /** mysql://esb:<password>@127.0.0.1:<port>/esbtest (a user that may create and drop databases). */
  url: string;
  stop(): Promise<void>;
}

export type PrivateMariaDbStart = { server: PrivateMariaDb } | { server: null; reason: string };

/** Server settings for data nobody keeps: nothing waits for the disk. */
const THROWAWAY_DATA = [
  "--skip-log-bin",
  "--innodb-file-per-table=0",
  "--innodb-flush-log-at-trx-commit=0",
  "--innodb-doublewrite=0",
  "--innodb-flush-method=nosync",
  "--skip-sync-frm",
];
const SEARCH_DIRS = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"];

function binary(...names: string[]): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), ...SEARCH_DIRS].filter(Boolean);
  for (const name of names)
    for (const dir of dirs) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function waitForServer(socket: string, child: ChildProcess, log: () => string, maxMs = 60_000) {
  const deadline = Date.now() + maxMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}: ${log()}`);
    try {
      return await createConnection({ socketPath: socket, user: "root" });
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`mariadbd did not answer within ${maxMs} ms: ${String(error)}`, { cause: error });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function startPrivateMariaDb(): Promise<PrivateMariaDbStart> {
  const installDb = binary("mariadb-install-db", "mysql_install_db");
  const server = binary("mariadbd", "mysqld");
  if (!installDb || !server)
    return {
      server: null,
      reason: "MariaDB is not installed (mariadbd and mariadb-install-db; Debian: mariadb-server-core)",
    };
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-mariadb-"));
  const datadir = path.join(dir, "data");
  const socket = path.join(dir, "sock");
  const asRoot = process.getuid?.() === 0 ? ["--user=root"] : [];
  try {
    const install = spawnSync(
      installDb,
      [
        "--no-defaults",
        `--datadir=${datadir}`,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        "--skip-name-resolve",
        ...THROWAWAY_DATA,
        ...asRoot,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (install.status !== 0)
      throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
    const port = await freePort();
    let output = "";
    const child = spawn(
      server,
      [
        "--no-defaults",
        `--datadir=${datadir}`,
        `--socket=${socket}`,
        `--port=${port}`,
        "--bind-address=127.0.0.1",
        `--pid-file=${path.join(dir, "mariadbd.pid")}`,
        "--skip-name-resolve",
        ...THROWAWAY_DATA,
        "--innodb-buffer-pool-size=64M",
        "--max-connections=200",
        ...asRoot,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout!.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
    child.stderr!.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited(child);
      await rm(dir, { recursive: true, force: true });
    };
    try {
      const admin = await waitForServer(socket, child, () => output);
      const password = randomBytes(12).toString("hex");
      await admin.query("CREATE USER 'esb'@'127.0.0.1' IDENTIFIED BY ?", [password]);
      await admin.query("GRANT ALL PRIVILEGES ON *.* TO 'esb'@'127.0.0.1'");
      await admin.end();
      return { server: { url: `mysql://esb:${password}@127.0.0.1:${port}/esbtest`, stop } };
    } catch (error) {
      await stop();
      throw error;
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
