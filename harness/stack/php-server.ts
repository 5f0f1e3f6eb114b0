// A real Moodle served by PHP's built-in web server on a free loopback port (PHP_CLI_SERVER_WORKERS workers, so
// that the bridge's calls and the learner's pages run side by side), stopped with its process group on close().
import { spawn } from "node:child_process";
import net, { type AddressInfo } from "node:net";

export interface PhpServer {
  port: number;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

export async function startPhpServer(options: {
  docroot: string;
  env: NodeJS.ProcessEnv;
  php?: string;
  workers?: number;
  log: (line: string) => void;
}): Promise<PhpServer> {
  const port = await freePort();
  const child = spawn(options.php ?? "php", ["-S", `127.0.0.1:${port}`, "-t", options.docroot], {
    env: { ...options.env, PHP_CLI_SERVER_WORKERS: String(options.workers ?? 4) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let tail = "";
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-4000);
    for (const line of chunk.toString().split("\n"))
      if (/PHP (Fatal|Parse|Warning)/.test(line)) options.log(line);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await exited;
    }
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`php -S exited (${child.exitCode}): ${tail}`);
    if (await answers(port)) return { port, close: stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`php -S did not answer on port ${port} within 10 s: ${tail}`);
}
