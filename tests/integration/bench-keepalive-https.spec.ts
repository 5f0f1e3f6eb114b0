// The bench's lean HTTPS client (harness/bench/keepalive-https.ts) and the service caller on it: requests go over
// kept-alive TLS connections to the site's own name, answers are framed by their Content-Length, an answer it
// cannot frame or a refused call fails rather than passing as a commit.
import type { IncomingMessage, ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { keepAliveHttps } from "../../harness/bench/keepalive-https.ts";
import { serviceCaller } from "../../harness/bench/lms-service-call.ts";
import { siteLookup } from "../../harness/stack/site-lookup.ts";
import { SITES } from "../../harness/stack/sites.ts";
import { createRunCa } from "../../harness/tls/run-ca.ts";

interface Seen {
  connections: number;
  requests: Array<{ url: string; headers: Record<string, unknown>; body: string }>;
}

async function site(answer: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const ca = await createRunCa([SITES.lms]);
  const cert = ca.sites.get(SITES.lms)!;
  const seen: Seen = { connections: 0, requests: [] };
  const server = https.createServer({ key: cert.keyPem, cert: cert.chainPem }, (req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      seen.requests.push({ url: req.url ?? "", headers: req.headers, body });
      answer(req, body, res);
    });
  });
  server.on("secureConnection", () => (seen.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://${SITES.lms}:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { ca, origin, seen, close };
}

test("requests share kept-alive connections, one in flight each; answers are read by their length", async () => {
  const s = await site((req, body, res) => {
    const text = JSON.stringify({ echo: body, url: req.url, é: "ü" });
    res.setHeader("Content-Length", Buffer.byteLength(text));
    res.end(text);
  });
  const client = keepAliveHttps({ origin: s.origin, ca: s.ca.caPem, lookup: siteLookup, maxConnections: 2 });
  try {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => client.post(`/p?i=${i}`, "X-Test: yes\r\n", `body ${i} ✓`)),
    );
    answers.forEach((a, i) => {
      expect(a.status).toBe(200);
      expect(JSON.parse(a.body)).toEqual({ echo: `body ${i} ✓`, url: `/p?i=${i}`, é: "ü" });
    });
    expect(s.seen.connections).toBe(2);
    expect(s.seen.requests[0]!.headers).toMatchObject({
      host: s.origin.slice("https://".length),
      "x-test": "yes",
      "content-length": String(Buffer.byteLength("body 0 ✓")),
    });
  } finally {
    client.close();
    await s.close();
  }
});

test("an answer without a length fails, and a closing answer is not reused", async () => {
  let chunked = true;
  const s = await site((_req, _body, res) => {
    if (chunked) {
      res.write("part");
      res.end("rest");
      return;
    }
    res.setHeader("Connection", "close");
    res.setHeader("Content-Length", 2);
    res.end("ok");
  });
  const client = keepAliveHttps({ origin: s.origin, ca: s.ca.caPem, lookup: siteLookup, maxConnections: 1 });
  try {
    await expect(client.post("/", "", "x")).rejects.toThrow(/unframed answer/);
    chunked = false;
    expect(await client.post("/", "", "x")).toEqual({ status: 200, body: "ok" });
    expect(await client.post("/", "", "x")).toEqual({ status: 200, body: "ok" });
    expect(s.seen.connections).toBe(3);
  } finally {
    client.close();
    await s.close();
  }
});

test("the service caller posts Moodle's envelope with the session and fails on any refused call", async () => {
  const answers = [
    { status: 200, body: JSON.stringify([{ error: false, data: { ackedseq: 3 } }]) },
    { status: 200, body: JSON.stringify([{ error: true, exception: { errorcode: "invalidlaunch" } }]) },
    { status: 200, body: JSON.stringify({ error: "You are not logged in" }) },
    { status: 500, body: JSON.stringify([{ error: false, data: {} }]) },
  ];
  const s = await site((_req, _body, res) => {
    const next = answers.shift()!;
    res.statusCode = next.status;
    res.setHeader("Content-Length", Buffer.byteLength(next.body));
    res.end(next.body);
  });
  const caller = serviceCaller(
    { lmsOrigin: s.origin, sesskey: "k3y", sessionId: "s1d", caPem: s.ca.caPem },
    1,
  );
  try {
    const args = { launchid: "L", ops: [{ seq: 3, element: "cmi.location", value: "x" }], terminate: false };
    expect(await caller.call("local_externalscormbridge_commit", args)).toEqual({ ackedseq: 3 });
    const first = s.seen.requests[0]!;
    expect(first.url).toBe("/lib/ajax/service.php?sesskey=k3y&info=local_externalscormbridge_commit");
    expect(first.headers).toMatchObject({ cookie: "MoodleSession=s1d", "content-type": "application/json" });
    expect(JSON.parse(first.body)).toEqual([
      { index: 0, methodname: "local_externalscormbridge_commit", args },
    ]);
    for (let i = 0; i < 3; i++)
      await expect(caller.call("local_externalscormbridge_commit", args)).rejects.toThrow(/failed/);
  } finally {
    caller.close();
    await s.close();
  }
});
