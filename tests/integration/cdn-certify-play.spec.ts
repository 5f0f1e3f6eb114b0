// certify's play checks against the mock CDN: the published packages played through the bridge frame the CDN
// serves, with certify's own embedded LMS presented as the LMS origin. A good CDN passes every play check; a CDN
// that refuses framing or lacks the frame page, a frame artefact that does not deliver (a mutant bridge's, or a
// third-party bridge's protocol), a SCO that never initialises, and a machine without a browser each fail the
// play check, saying why.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { BuiltBridge } from "../../harness/bridges/bridge-adapter.ts";
import { buildFrameManifest } from "../../harness/bridges/frame-artefact.ts";
import { resolveBridge } from "../../harness/bridges/resolve-bridge.ts";
import { createMockCdn } from "../../harness/cdn/mock-cdn.ts";
import type { CdnProfile } from "../../harness/cdn/cdn-profiles.ts";
import type { CheckResult } from "../../harness/certify/certify-context.ts";
import { runCertify, type CertifyOptions } from "../../harness/certify/run-certify.ts";
import { buildPackage } from "../../harness/packages/package-build/build-packages.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { FolderPublisher } from "../../harness/packages/publish/folder-publisher.ts";
import type { EmbeddedStack } from "../../harness/stack/embedded-stack.ts";
import { startHttpsSite } from "../../harness/stack/https-site.ts";
import { SITES } from "../../harness/stack/sites.ts";

test.describe.configure({ mode: "serial" });

/** Self-playing packages: each SCO initialises on load, writes suspend_data and commits (filler.js). */
const PKG_12 = "limits-suspend-data-12";
const PKG_2004 = "limits-suspend-data-2004";
const PLAY_12 = `play:${PKG_12}/ITEM-1`;
const PLAY_2004 = `play:${PKG_2004}/ITEM-1`;

const failedIds = (results: CheckResult[]): string[] => results.filter((r) => !r.passed).map((r) => r.id);
const evidenceOf = (results: CheckResult[], id: string): string =>
  results.find((r) => r.id === id)?.evidence.join("\n") ?? `(no check ${id})`;

/** Builds the packages and publishes them into a CDN's storage folder. */
async function publishPackages(storageDir: string, cdnOrigin: string, names: string[]): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), "esb-cert-pkg-"));
  try {
    const publisher = new FolderPublisher(storageDir, `${cdnOrigin}/packages`);
    for (const name of names) await publisher.publish(name, (await buildPackage(name, work)).dir);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Certify against `cdnBase` as the test stack's LMS origin would be framed, with the stack's CA trusted. */
function certifyWith(stack: EmbeddedStack, builtBridge: BuiltBridge, out: string) {
  return async (cdnBase: string, packages: string[], extra: Partial<CertifyOptions> = {}) => {
    const progress: string[] = [];
    const started = Date.now();
    const { certificate, files } = await runCertify({
      cdnBase,
      lmsOrigin: stack.origins.lms,
      packages,
      httpGet: stack.httpGet,
      caPem: stack.ca.caPem,
      timeoutMs: 5_000,
      outDir: out,
      bridgeDir: builtBridge.dir,
      expectedFrame: await buildFrameManifest(builtBridge.dir),
      play: { timeoutMs: 45_000 },
      onProgress: (line) => progress.push(line),
      ...extra,
    });
    return { certificate, files, progress, wallMs: Date.now() - started };
  };
}

/**
 * A second CDN on cdn.test (another port) serving another bridge build's frame page, framable by the stack's LMS
 * origin, with the stack's CA: a vendor that deployed the wrong frame artefact.
 */
async function startVendorCdn(stack: EmbeddedStack, bridgeDir: string) {
  const storageDir = await mkdtemp(path.join(os.tmpdir(), "esb-cert-vendor-"));
  const cdn = createMockCdn({ storageDir, bridgeDir, lmsOrigin: () => stack.origins.lms });
  const certificate = stack.ca.sites.get(SITES.cdn);
  if (!certificate) throw new Error("The stack's CA has no certificate for the CDN");
  const site = await startHttpsSite(cdn.app, certificate);
  return {
    origin: site.origin,
    storageDir,
    async close() {
      await site.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

test("certify plays every SCO through the CDN's bridge frame and passes on the good profile", async ({
  stack,
  builtBridge,
}, testInfo) => {
  test.setTimeout(240_000);
  await publishPackages(stack.storageDir, stack.origins.cdn, [PKG_12, PKG_2004]);
  const out = await mkdtemp(path.join(os.tmpdir(), "esb-cert-play-"));
  try {
    const fromLog = stack.cdnLog.entries.length;
    const run = await certifyWith(stack, builtBridge, out)(stack.origins.cdn, [PKG_12, PKG_2004]);
    const { results } = run.certificate;
    expect(
      results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.evidence.join(" | ")}`),
      run.progress.join("\n"),
    ).toEqual([]);
    expect(results.filter((r) => r.id.startsWith("play:")).map((r) => r.id)).toEqual([PLAY_12, PLAY_2004]);
    expect(run.certificate.passed).toBe(true);
    const html = await readFile(run.files.html, "utf8");
    expect(html).toContain(": PASSED</h1>");
    expect(html).toContain(`<td>${PLAY_2004}</td>`);

    // The SCO initialised itself, certify's session ran to Terminate, and the LMS holds the values as written.
    for (const [id, location, initialize] of [
      [PLAY_12, "cmi.core.lesson_location", "LMSInitialize"],
      [PLAY_2004, "cmi.location", "Initialize"],
    ] as const) {
      const evidence = evidenceOf(results, id);
      expect(evidence).toMatch(
        new RegExp(`calls the SCO made through the bridge: ${initialize}\\(""\\) → true`),
      );
      expect(evidence).toMatch(/Terminate|LMSFinish/);
      expect(evidence).toContain(`stored ${location} = "certify-`);
      expect(evidence).toMatch(/stored cmi\.suspend_data = \d+ characters \(sha256 [0-9a-f]+…\): as written/);
      expect(evidence).toMatch(/elapsed \d+ ms/);
      expect(evidence).toContain(`played as the LMS origin ${stack.origins.lms}`);
    }
    // The frame page and the SCOs came from the vendor's CDN, asked for by certify's browser during the play.
    const served = stack.cdnLog.entries.slice(fromLog).map((e) => `${e.status} ${e.url.replace(/#.*$/, "")}`);
    expect(served).toContain("200 /bridge/frame.html");
    expect(served).toContain(`200 /packages/${PKG_12}/filler.html?fill=suspend-data`);
    expect(served).toContain(`200 /packages/${PKG_2004}/filler.html?fill=suspend-data`);
    expect(run.progress).toContain(`${PLAY_12}: playing`);
    testInfo.annotations.push({ type: "certify wall time (ms)", description: String(run.wallMs) });
    console.log(`certify with play on the good profile: ${run.wallMs} ms`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test("a CDN that refuses framing or lacks the frame page fails the play check, naming the HTTP check", async ({
  stack,
  builtBridge,
}) => {
  test.setTimeout(240_000);
  await publishPackages(stack.storageDir, stack.origins.cdn, [PKG_12]);
  const out = await mkdtemp(path.join(os.tmpdir(), "esb-cert-play-"));
  const certify = certifyWith(stack, builtBridge, out);
  const cases: Array<[CdnProfile, string, RegExp]> = [
    // frame-ancestors 'self' everywhere: the LMS page may not frame the bridge page.
    [
      { name: "frame-denied", via: "csp" },
      "framing",
      /error page in place of the bridge frame page \(framing/,
    ],
    // X-Frame-Options DENY everywhere: the bridge page's own frame-ancestors wins over it, the SCO's does not.
    [{ name: "frame-denied", via: "x-frame-options" }, "framing", /error page in place of the SCO \(framing/],
    [{ name: "frame-missing" }, "frame-version", /the LMS refused the CDN URL .*\(frame-missing\)/],
  ];
  try {
    for (const [profile, httpCheck, why] of cases) {
      await stack.setCdnProfile(profile);
      const { certificate } = await certify(stack.origins.cdn, [PKG_12], { play: { timeoutMs: 30_000 } });
      const failed = failedIds(certificate.results);
      expect(failed, JSON.stringify(profile)).toContain(httpCheck);
      expect(failed, JSON.stringify(profile)).toContain(PLAY_12);
      const evidence = evidenceOf(certificate.results, PLAY_12);
      expect(evidence).toMatch(why);
      expect(evidence).toMatch(new RegExp(`HTTP checks that failed before playing .*${httpCheck}`));
      expect(certificate.passed).toBe(false);
    }
  } finally {
    await stack.setCdnProfile({ name: "good" });
    await rm(out, { recursive: true, force: true });
  }
});

test("a frame artefact that does not deliver fails the play check", async ({ stack, builtBridge }) => {
  test.setTimeout(300_000);
  const out = await mkdtemp(path.join(os.tmpdir(), "esb-cert-play-"));
  const builds = await mkdtemp(path.join(os.tmpdir(), "esb-cert-frames-"));
  const certify = certifyWith(stack, builtBridge, out);
  // A frame built from a mutant that cuts suspend_data at 4,096 characters, and a third-party bridge's frame
  // (scorm-again's CrossFrame) that does not speak the reference bridge's protocol.
  const cases: Array<[string, RegExp]> = [
    [
      "mutant:truncate-suspend-data",
      /stored cmi\.suspend_data = 4096 characters .*, but wrote 16000 characters/,
    ],
    [
      "scorm-again-crossframe",
      /FAILED: (the SCO did not call Initialize through the bridge|the player reports: The activity could not start)/,
    ],
  ];
  try {
    for (const [bridgeName, why] of cases) {
      const frame = await resolveBridge(bridgeName).build(path.join(builds, bridgeName.replace(/\W/g, "-")));
      const vendor = await startVendorCdn(stack, frame.dir);
      try {
        await publishPackages(vendor.storageDir, vendor.origin, [PKG_2004]);
        const { certificate } = await certify(vendor.origin, [PKG_2004], { play: { timeoutMs: 25_000 } });
        const failed = failedIds(certificate.results);
        expect(failed, bridgeName).toContain(PLAY_2004);
        expect(failed, bridgeName).toContain("frame-version");
        expect(evidenceOf(certificate.results, PLAY_2004), bridgeName).toMatch(why);
      } finally {
        await vendor.close();
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
    await rm(builds, { recursive: true, force: true });
  }
});

test("a SCO that never initialises, and a machine without a browser, fail their play checks", async ({
  stack,
  builtBridge,
}) => {
  test.setTimeout(180_000);
  await publishPackages(stack.storageDir, stack.origins.cdn, [PKG_12]);
  // The probe SCO waits to be scripted: it never calls LMSInitialize by itself.
  await stack.publishProbePackage(
    "certify-idle-probe",
    await readFile(path.join(PACKAGES_DIR, "probe-scorm12", "imsmanifest.xml"), "utf8"),
  );
  const out = await mkdtemp(path.join(os.tmpdir(), "esb-cert-play-"));
  const certify = certifyWith(stack, builtBridge, out);
  const before = process.env.ESB_CHROMIUM;
  try {
    const idle = await certify(stack.origins.cdn, ["certify-idle-probe"], { play: { timeoutMs: 8_000 } });
    expect(failedIds(idle.certificate.results)).toEqual(["play:certify-idle-probe/ITEM-1"]);
    expect(evidenceOf(idle.certificate.results, "play:certify-idle-probe/ITEM-1")).toMatch(
      /the SCO did not call LMSInitialize through the bridge within 8000 ms \(last seen: the bridge frame https:\/\/cdn\.test:\d+\/bridge\/frame\.html loaded and exposed API\)/,
    );

    process.env.ESB_CHROMIUM = path.join(out, "no-such-chromium");
    const blind = await certify(stack.origins.cdn, [PKG_12]);
    expect(failedIds(blind.certificate.results)).toEqual([PLAY_12]);
    expect(evidenceOf(blind.certificate.results, PLAY_12)).toContain(
      `FAILED: no browser to play in: ESB_CHROMIUM points to ${process.env.ESB_CHROMIUM}, which does not exist`,
    );
    expect(blind.certificate.passed).toBe(false);
  } finally {
    if (before === undefined) delete process.env.ESB_CHROMIUM;
    else process.env.ESB_CHROMIUM = before;
    await rm(out, { recursive: true, force: true });
  }
});
