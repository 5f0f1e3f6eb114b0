// certify's HTTP checks against the mock CDN: the good profile passes every one; each bad profile fails, naming
// its check. Also the URL check's verdicts on the same profiles (the LMS's activity form refuses with the matching
// code). Playing the packages is in cdn-certify-play.spec.ts; these runs check HTTP only.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test, expect } from "../../harness/browser/fixtures.ts";
import { buildFrameManifest } from "../../harness/bridges/frame-artefact.ts";
import type { CdnProfile } from "../../harness/cdn/cdn-profiles.ts";
import { certifyUrlVerdict } from "../../harness/certify/certify-checks.ts";
import { runCertify } from "../../harness/certify/run-certify.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";

const BAD: Array<[CdnProfile, string]> = [
  [{ name: "s3-defaults" }, "cors"],
  [{ name: "wrong-content-types" }, "content-types"],
  [{ name: "frame-denied", via: "x-frame-options" }, "framing"],
  [{ name: "frame-denied", via: "csp" }, "framing"],
  [{ name: "no-range" }, "range"],
  [{ name: "slow", latencyMs: 1_500 }, "reachability"],
  [{ name: "flaky", errorRatio: 0.5 }, "reachability"],
  [{ name: "outage" }, "reachability"],
  [{ name: "status", status: 404 }, "reachability"],
  [{ name: "redirect-http" }, "reachability"],
  [{ name: "frame-missing" }, "frame-version"],
  [{ name: "frame-wrong-version" }, "frame-version"],
  [{ name: "cert-expired" }, "tls"],
  [{ name: "cert-wrong-name" }, "tls"],
];

test.describe.configure({ mode: "serial" });

test("certify's HTTP checks pass on the good CDN profile and each bad one fails naming its check", async ({
  stack,
  builtBridge,
}) => {
  test.setTimeout(120_000);
  const manifest = await readFile(path.join(PACKAGES_DIR, "probe-scorm2004-4th", "imsmanifest.xml"), "utf8");
  await stack.publishProbePackage("certify-probe", manifest);
  const expectedFrame = await buildFrameManifest(builtBridge.dir);
  const out = await mkdtemp(path.join(os.tmpdir(), "esb-cert-"));
  const certify = () =>
    runCertify({
      cdnBase: stack.origins.cdn,
      lmsOrigin: stack.origins.lms,
      packages: ["certify-probe"],
      httpGet: stack.httpGet,
      timeoutMs: 1_000,
      outDir: out,
      expectedFrame,
      play: false,
    });
  try {
    const good = await certify();
    // Every HTTP check passes; the certificate still fails, on the one "play" check saying nothing was played.
    expect(
      good.certificate.results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.evidence.join(" | ")}`),
    ).toEqual(["play: not played: this run checked HTTP only"]);
    expect(good.certificate.passed).toBe(false);
    const json = JSON.parse(await readFile(good.files.json, "utf8")) as { resultsSha256: string };
    expect(json.resultsSha256).toMatch(/^[0-9a-f]{64}$/);

    for (const [profile, check] of BAD) {
      await stack.setCdnProfile(profile);
      const { certificate } = await certify();
      const failed = certificate.results.filter((r) => !r.passed).map((r) => r.id);
      expect(failed, JSON.stringify(profile)).toContain(check);
      expect(certificate.passed).toBe(false);
    }
  } finally {
    await stack.setCdnProfile({ name: "good" });
    await rm(out, { recursive: true, force: true });
  }
});

test("the URL check refuses each failing CDN with its own code, within the timeout", async ({ stack }) => {
  test.setTimeout(60_000);
  const manifest = await readFile(path.join(PACKAGES_DIR, "probe-scorm12", "imsmanifest.xml"), "utf8");
  const url = await stack.publishProbePackage("urlcheck-probe", manifest);
  const ctx = { httpGet: stack.httpGet, timeoutMs: 800 };
  const cases: Array<[CdnProfile, string]> = [
    [{ name: "good" }, "ok"],
    [{ name: "status", status: 404 }, "http-status"],
    [{ name: "status", status: 503 }, "http-status"],
    [{ name: "outage" }, "unreachable"],
    [{ name: "slow", latencyMs: 2_000 }, "timeout"],
    [{ name: "redirect-http" }, "redirect"],
    [{ name: "frame-missing" }, "frame-missing"],
    [{ name: "cert-expired" }, "tls"],
    [{ name: "cert-wrong-name" }, "tls"],
  ];
  try {
    for (const [profile, code] of cases) {
      await stack.setCdnProfile(profile);
      const started = Date.now();
      const verdict = await certifyUrlVerdict(url, ctx);
      expect(verdict.ok ? "ok" : verdict.code, JSON.stringify(profile)).toBe(code);
      expect(Date.now() - started).toBeLessThan(800 + 1_500);
    }
    await stack.setCdnProfile({ name: "good" });
    const dns = await certifyUrlVerdict(url.replace("cdn.test", "cdn-gone.example"), ctx);
    expect(dns.ok ? "ok" : dns.code).toBe("dns");
  } finally {
    await stack.setCdnProfile({ name: "good" });
  }
});

test("the request log gives bytes served per origin", async ({ stack }) => {
  const manifest = await readFile(path.join(PACKAGES_DIR, "probe-scorm12", "imsmanifest.xml"), "utf8");
  const url = new URL(await stack.publishProbePackage("bytes-probe", manifest));
  const before = stack.cdnLog.bytesByOrigin();
  await stack.fetch(url.href);
  url.hostname = `eu.${url.hostname}`;
  await stack.fetch(url.href);
  const after = stack.cdnLog.bytesByOrigin();
  const grown = (origin: string) => (after[origin] ?? 0) - (before[origin] ?? 0);
  expect(grown(stack.origins.cdn)).toBe(Buffer.byteLength(manifest));
  expect(grown(url.origin)).toBe(Buffer.byteLength(manifest));
});
