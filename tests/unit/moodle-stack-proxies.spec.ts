// The real-Moodle stack's two proxies: the reverse proxy in front of php -S (Host kept, https marked, bodies and
// answers streamed, hop-by-hop headers dropped, 503 before the server is up) and the CONNECT proxy for Moodle's
// outgoing requests (tunnels to the test sites only).
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { connectTarget, startConnectProxy } from "../../harness/stack/connect-proxy.ts";
import { answerHeaders, createReverseProxy, upstreamHeaders } from "../../harness/stack/reverse-proxy.ts";

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const close = (server: net.Server): Promise<void> =>
  new Promise((resolve) => {
    (server as http.Server).closeAllConnections?.();
    server.close(() => resolve());
  });

test("headers: the browser's go upstream without hop-by-hop ones, marked https; answers lose hop-by-hop ones", () => {
  expect(
    upstreamHeaders({
      host: "lms.test:4443",
      connection: "keep-alive",
      cookie: "MoodleSession=x",
      te: "trailers",
    }),
  ).toEqual({ host: "lms.test:4443", cookie: "MoodleSession=x", "x-forwarded-proto": "https" });
  expect(upstreamHeaders({ host: "127.0.0.1:4443" }, "lms.test:4443")).toEqual({
    host: "lms.test:4443",
    "x-forwarded-proto": "https",
  });
  expect(
    answerHeaders([
      "Set-Cookie",
      "a=1",
      "Connection",
      "close",
      "Set-Cookie",
      "b=2",
      "Transfer-Encoding",
      "chunked",
    ]),
  ).toEqual(["Set-Cookie", "a=1", "Set-Cookie", "b=2"]);
});

test("the reverse proxy answers 503 until its server is set, then relays method, path, body and answer with the site's Host", async () => {
  const seen: Array<{ method?: string; url?: string; host?: string; proto?: string; body: string }> = [];
  const upstream = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({
        method: req.method,
        url: req.url,
        host: req.headers.host,
        proto: req.headers["x-forwarded-proto"] as string,
        body,
      });
      res
        .writeHead(
          303,
          [
            ["Location", "/my/"],
            ["Set-Cookie", "a=1"],
            ["Set-Cookie", "b=2"],
          ].flat(),
        )
        .end("moved");
    });
  });
  const proxy = createReverseProxy();
  const front = http.createServer((req, res) => proxy.handler(req, res));
  const [upstreamPort, frontPort] = [await listen(upstream), await listen(front)];
  const post = (): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          port: frontPort,
          host: "127.0.0.1",
          method: "POST",
          path: "/login/index.php?x=1",
          // Reached by address (as a rewritten request can be): Moodle still gets its own Host.
          headers: { Host: `127.0.0.1:${frontPort}` },
        },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on("error", reject);
      req.end("username=sam&password=pw");
    });
  try {
    expect((await post()).status).toBe(503);
    expect(seen).toEqual([]);
    proxy.setUpstream(upstreamPort, "lms.test:4443");
    const answer = await post();
    expect(answer).toMatchObject({ status: 303, body: "moved" });
    expect(answer.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(answer.headers.location).toBe("/my/");
    expect(seen).toEqual([
      {
        method: "POST",
        url: "/login/index.php?x=1",
        host: "lms.test:4443",
        proto: "https",
        body: "username=sam&password=pw",
      },
    ]);
  } finally {
    await close(front);
    await close(upstream);
  }
});

test("CONNECT targets: host and port, bracketed IPv6; malformed ones refused", () => {
  expect(connectTarget("cdn.test:8443")).toEqual({ host: "cdn.test", port: 8443 });
  expect(connectTarget("[::1]:443")).toEqual({ host: "::1", port: 443 });
  for (const bad of ["cdn.test", "cdn.test:0", "cdn.test:70000", ":443", "a:b:443", ""])
    expect(connectTarget(bad), bad).toBeNull();
});

/** The proxy's status line for CONNECT target, and what an echo through the tunnel gives back. */
async function tunnel(proxyPort: number, target: string): Promise<{ status: string; echoed: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(proxyPort, "127.0.0.1", () =>
      socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`),
    );
    let data = "";
    let status = "";
    socket.on("data", (chunk: Buffer) => {
      data += chunk.toString();
      if (!status && data.includes("\r\n\r\n")) {
        status = data.split("\r\n")[0]!;
        data = data.slice(data.indexOf("\r\n\r\n") + 4);
        if (status.includes(" 200 ")) socket.write("ping");
      }
      if (data === "ping") socket.end();
    });
    socket.on("close", () => resolve({ status, echoed: status.includes(" 200 ") ? data : "" }));
    socket.on("error", reject);
  });
}

test("the CONNECT proxy tunnels to a test site on loopback and refuses any other name", async () => {
  const echo = net.createServer((s) => s.pipe(s));
  const echoPort = await listen(echo);
  const proxy = await startConnectProxy();
  try {
    expect(await tunnel(proxy.port, `cdn.test:${echoPort}`)).toEqual({
      status: "HTTP/1.1 200 Connection Established",
      echoed: "ping",
    });
    expect(await tunnel(proxy.port, `pkg.cdn.test:${echoPort}`)).toMatchObject({ echoed: "ping" });
    expect((await tunnel(proxy.port, `example.com:${echoPort}`)).status).toBe("HTTP/1.1 502 Bad Gateway");
  } finally {
    await proxy.close();
    await close(echo);
  }
});
