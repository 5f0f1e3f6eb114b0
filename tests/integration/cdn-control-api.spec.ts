// The mock CDN's control API (harness/cdn/cdn-control-app.ts) and its client (cdn-control-client.ts), as the
// containers stack drives the CDN in its container, here over real sockets in this process: the token is
// required, bad profiles and certificates are refused with the reason and change nothing, a profile and its
// certificate switch over the wire, and the served requests reach the client's log, also across a dropped stream.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createCdnControlApp } from "../../harness/cdn/cdn-control-app.ts";
import { connectRemoteCdnSite } from "../../harness/cdn/cdn-control-client.ts";
import type { CdnSite } from "../../harness/cdn/cdn-site.ts";
import { createMockCdn } from "../../harness/cdn/mock-cdn.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { createHttpsGet, HttpFailure } from "../../harness/net/https-get.ts";
import { startHttpsSite, type RunningSite } from "../../harness/stack/https-site.ts";
import { siteLookup } from "../../harness/stack/site-lookup.ts";
import { createRunCa, type RunCa } from "../../harness/tls/run-ca.ts";

const TOKEN = "t".repeat(20) + "0123456789abcdef";
const LMS = "https://lms.test:4443";

let ca: RunCa;
let dir: string;
let site: RunningSite;
let control: http.Server;
let controlUrl: string;
let remote: CdnSite;
let cdn: ReturnType<typeof createMockCdn>;

test.beforeAll(async () => {
  ca = await createRunCa(["cdn.test", "other.test"]);
  dir = await mkdtemp(path.join(os.tmpdir(), "esb-cdn-control-"));
  await mkdir(path.join(dir, "packages", "p"), { recursive: true });
  await mkdir(path.join(dir, "bridge"));
  await writeFile(path.join(dir, "packages", "p", "sco.html"), "<!doctype html><title>sco</title>");
  cdn = createMockCdn({
    storageDir: path.join(dir, "packages"),
    bridgeDir: path.join(dir, "bridge"),
    lmsOrigin: () => LMS,
  });
  site = await startHttpsSite(cdn.app, ca.sites.get("cdn.test")!);
  const app = createCdnControlApp({
    token: TOKEN,
    log: cdn.log,
    profile: cdn.profile,
    setCertificate: (c) => site.setCertificate({ ...c, host: "cdn.test" }),
  });
  control = http.createServer(app);
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
  remote = await connectRemoteCdnSite({
    controlUrl,
    token: TOKEN,
    origin: site.origin,
    stop: async () => {},
  });
});

test.afterAll(async () => {
  await remote.close();
  control.closeAllConnections();
  await new Promise<void>((resolve) => control.close(() => resolve()));
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

const get = createHttpsGet({ lookup: siteLookup, caPem: "" });
const trusted = () => createHttpsGet({ lookup: siteLookup, caPem: ca.caPem });

async function controlCall(method: string, route: string, body: unknown, token = TOKEN) {
  const res = await fetch(`${controlUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

test("every control route needs the run's token", async () => {
  for (const [method, route] of [
    ["GET", "/health"],
    ["PUT", "/profile"],
    ["GET", "/log/stream"],
  ] as const) {
    for (const token of ["", "wrong", TOKEN.slice(0, -1), `${TOKEN}x`]) {
      const answer = await controlCall(
        method,
        route,
        method === "PUT" ? { profile: { name: "outage" } } : undefined,
        token,
      );
      expect(answer.status, `${method} ${route} with token ${JSON.stringify(token)}`).toBe(401);
    }
  }
  expect(remote.profile()).toEqual({ name: "good" });
  expect(() =>
    createCdnControlApp({
      ...{ log: cdn.log, profile: cdn.profile },
      token: "short",
      setCertificate: () => {},
    }),
  ).toThrow(/32 characters/);
});

test("bad profiles and certificates are refused with the reason and change nothing", async () => {
  const certificate = {
    keyPem: ca.sites.get("cdn.test")!.keyPem,
    chainPem: ca.sites.get("cdn.test")!.chainPem,
  };
  const cases: Array<[unknown, RegExp]> = [
    [{ profile: { name: "nope" }, certificate }, /unknown profile "nope"/],
    [{ profile: { name: "slow", latencyMs: -1 }, certificate }, /latencyMs must be an integer/],
    [{ profile: { name: "status", status: 200, extra: 1 }, certificate }, /takes no field extra/],
    [
      { profile: { name: "good" }, certificate: { keyPem: "x", chainPem: certificate.chainPem } },
      /keyPem is not a PEM/,
    ],
    [{ profile: { name: "good" } }, /certificate must be an object/],
  ];
  for (const [body, reason] of cases) {
    const answer = await controlCall("PUT", "/profile", body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.text).toMatch(reason);
  }
  expect((await controlCall("PUT", "/profile", "{")).status).toBe(400);
  expect(cdn.profile.current).toEqual({ name: "good" });
  const answer = await trusted()(`${site.origin}/packages/p/sco.html`, { timeoutMs: 5_000 });
  expect(answer.status).toBe(200);
});

test("a profile and its certificate switch over the wire", async () => {
  await remote.setProfile({ name: "status", status: 503 }, ca.sites.get("cdn.test")!);
  expect(remote.profile()).toEqual({ name: "status", status: 503 });
  expect(cdn.profile.current).toEqual({ name: "status", status: 503 });
  expect((await trusted()(`${site.origin}/packages/p/sco.html`, { timeoutMs: 5_000 })).status).toBe(503);
  await remote.setProfile({ name: "cert-wrong-name" }, await ca.issue("other.test"));
  const failure = await trusted()(`${site.origin}/packages/p/sco.html`, { timeoutMs: 5_000 }).catch(
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(HttpFailure);
  expect((failure as HttpFailure).kind).toBe("tls");
  await remote.setProfile({ name: "good" }, ca.sites.get("cdn.test")!);
  expect((await trusted()(`${site.origin}/packages/p/sco.html`, { timeoutMs: 5_000 })).status).toBe(200);
  await expect(get(`${site.origin}/packages/p/sco.html`, { timeoutMs: 5_000 })).rejects.toThrow();
});

test("served requests reach the client's log, none lost or doubled when the stream drops", async () => {
  const fetchSco = (n: number) =>
    trusted()(`${site.origin}/packages/p/sco.html?n=${n}`, { timeoutMs: 5_000 });
  const same = () => remote.log.entries.length === cdn.log.entries.length;
  for (let n = 0; n < 3; n++) await fetchSco(n);
  expect(await eventually(async () => same(), Boolean, 5_000)).toBe(true);
  control.closeAllConnections(); // the log stream drops; the client reconnects from where it was
  for (let n = 3; n < 6; n++) await fetchSco(n);
  expect(await eventually(async () => same(), Boolean, 5_000)).toBe(true);
  expect(remote.log.entries).toEqual(cdn.log.entries);
  const urls = remote.log.entries.map((e) => e.url).filter((u) => u.includes("?n="));
  expect(urls).toEqual([0, 1, 2, 3, 4, 5].map((n) => `/packages/p/sco.html?n=${n}`));
  expect(remote.log.entries.at(-1)).toMatchObject({ origin: site.origin, method: "GET", status: 200 });
});
