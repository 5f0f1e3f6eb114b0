// One `certify` run: checks a CDN against the bridge frame artefact the suite builds, writes the certificate,
// and reports whether every check passed.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { bundleBridge } from "../bridges/bundle-bridge.ts";
import { buildFrameManifest, type FrameManifest } from "../bridges/frame-artefact.ts";
import type { HttpGet } from "../net/https-get.ts";
import { runChecks } from "./certify-checks.ts";
import { makeCertificate, runHost, writeCertificate, type Certificate } from "./certificate.ts";

export interface CertifyOptions {
  cdnBase: string;
  lmsOrigin: string;
  /** Package names under /packages/ or full imsmanifest.xml URLs. */
  packages: string[];
  httpGet: HttpGet;
  timeoutMs: number;
  outDir: string;
  /** The frame artefact to expect; the reference bridge built now when absent. */
  expectedFrame?: FrameManifest;
  onProgress?: (line: string) => void;
}

export async function referenceFrameManifest(): Promise<FrameManifest> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-certify-"));
  try {
    await bundleBridge(dir);
    return await buildFrameManifest(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const packageManifestUrl = (cdnBase: string, pkg: string): string =>
  /^https:\/\//i.test(pkg) ? pkg : `${cdnBase}/packages/${encodeURIComponent(pkg)}/imsmanifest.xml`;

export async function runCertify(
  options: CertifyOptions,
): Promise<{ certificate: Certificate; files: { json: string; html: string } }> {
  const startedAt = new Date().toISOString();
  const cdnBase = options.cdnBase.replace(/\/+$/, "");
  const expectedFrame = options.expectedFrame ?? (await referenceFrameManifest());
  const packages = options.packages.map((p) => packageManifestUrl(cdnBase, p));
  const results = await runChecks(
    {
      cdnBase,
      lmsOrigin: options.lmsOrigin,
      packages,
      expectedFrame,
      httpGet: options.httpGet,
      timeoutMs: options.timeoutMs,
    },
    options.onProgress,
  );
  const certificate = makeCertificate(
    {
      cdnBase,
      lmsOrigin: options.lmsOrigin,
      packages,
      bridgeVersion: expectedFrame.version,
      startedAt,
      finishedAt: new Date().toISOString(),
      host: runHost(),
      node: process.version,
    },
    results,
  );
  return { certificate, files: await writeCertificate(certificate, options.outDir) };
}
