// The containers stack's engine check: a Docker engine API that answers its ping, or a one-sentence reason.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { expect, test } from "@playwright/test";
import { dockerEngineProblem } from "../../harness/stack/docker-engine.ts";

/** An HTTP server in another process (the check blocks this one) answering /_ping with `status`. */
async function pingServer(status: number): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const s = require("node:http").createServer((q, r) => r.writeHead(q.url === "/_ping" ? ${status} : 404).end("OK"));
       s.listen(0, "127.0.0.1", () => console.log(s.address().port));`,
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: { PATH: process.env.PATH ?? "" } },
  );
  let out = "";
  while (!/^\d+$/m.test(out)) {
    const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
    out += chunk.toString();
  }
  return { port: Number(/^(\d+)$/m.exec(out)?.[1]), child };
}

test("no engine at the socket: the reason names the address", () => {
  const problem = dockerEngineProblem({ DOCKER_HOST: "unix:///nonexistent/docker.sock" });
  expect(problem).toContain("no Docker engine answers at unix:///nonexistent/docker.sock");
});

test("an engine that answers its ping is accepted; one that answers an error is not", async () => {
  test.setTimeout(120_000); // four node processes on a shared, loaded machine
  const ok = await pingServer(200);
  const failing = await pingServer(500);
  try {
    expect(dockerEngineProblem({ DOCKER_HOST: `tcp://127.0.0.1:${ok.port}` })).toBeNull();
    expect(dockerEngineProblem({ DOCKER_HOST: `tcp://127.0.0.1:${failing.port}` })).toContain("HTTP 500");
  } finally {
    ok.child.kill();
    failing.child.kill();
  }
});

test("a DOCKER_HOST that is neither unix:// nor tcp:// is refused", () => {
  expect(dockerEngineProblem({ DOCKER_HOST: "ssh://host" })).toContain("neither unix:// nor tcp://");
});
