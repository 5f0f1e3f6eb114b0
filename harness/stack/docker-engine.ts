// Whether a Docker engine answers (what Testcontainers needs; a docker CLI alone is not enough): pings the
// engine's API at DOCKER_HOST (unix:// or tcp://) or /var/run/docker.sock, synchronously and within seconds.
import { spawnSync } from "node:child_process";

const PING = `
const http = require("node:http");
const [target, timeout] = [process.argv[1], Number(process.argv[2])];
let where;
try {
  const u = new URL(target.replace(/^tcp:/, "http:"));
  where = target.startsWith("unix://") ? { socketPath: target.slice(7) } : { host: u.hostname, port: Number(u.port || 2375) };
} catch (e) { console.error("bad address: " + e.message); process.exit(1); }
const req = http.get({ ...where, path: "/_ping", timeout }, (res) => {
  res.resume();
  if (res.statusCode === 200) process.exit(0);
  console.error("HTTP " + res.statusCode);
  process.exit(1);
});
req.on("timeout", () => { console.error("no answer within " + timeout + " ms"); process.exit(1); });
req.on("error", (e) => { console.error(e.message); process.exit(1); });
`;

/** The engine address Testcontainers would use. */
export function dockerHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_HOST || "unix:///var/run/docker.sock";
}

/** Null when the engine answers its ping, else why not (address and error), in one sentence. */
export function dockerEngineProblem(env: NodeJS.ProcessEnv = process.env, timeoutMs = 3_000): string | null {
  const host = dockerHost(env);
  if (!/^(unix|tcp):\/\//.test(host)) return `DOCKER_HOST "${host}" is neither unix:// nor tcp://`;
  const ping = spawnSync(process.execPath, ["-e", PING, host, String(timeoutMs)], {
    encoding: "utf8",
    // Generous: starting node itself can take seconds on a loaded machine; the ping has its own timeout.
    timeout: timeoutMs + 15_000,
  });
  if (ping.status === 0) return null;
  const reason = (ping.stderr || ping.error?.message || "no answer").trim().split("\n")[0];
  return `no Docker engine answers at ${host} (${reason}); start dockerd or set DOCKER_HOST`;
}
