// One `certify` run: checks a CDN against the bridge frame artefact the suite builds, then plays the published
// packages through the bridge with the embedded LMS (certify-play.ts), writes the certificate, and reports
// whether every check passed.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { bundleBridge } from "../bridges/bundle-bridge.ts";
import { buildFrameManifest, type FrameManifest } from "../bridges/frame-artefact.ts";
import type { HttpGet } from "../net/https-get.ts";
import { runChecks } from "./certify-checks.ts";
import type { CheckResult } from "./certify-context.ts";
import { playPackages } from "./certify-play.ts";
import { makeCertificate, runHost, writeCertificate, type Certificate } from "./certificate.ts";

export interface CertifyOptions {
  cdnBase: string;
  lmsOrigin: string;
  /** Package names under /packages/ or full imsmanifest.xml URLs. */
  packages: string[];
  httpGet: HttpGet;
  timeoutMs: number;
  outDir: string;
  /** The frame artefact to expect; the one of `bridgeDir` when absent. */
  expectedFrame?: FrameManifest;
  /** The built reference bridge (frame artefact, and the LMS side the play checks use); built now when absent. */
  bridgeDir?: string;
  /** An extra CA (PEM) the CDN's certificate chains to: trusted by the browser that plays the packages too. */
  caPem?: string;
  /**
   * Playing the packages (per SCO: player opened to session stored within timeoutMs). `false` checks HTTP only:
   * the certificate then carries a failed "play" check saying so, so that it cannot pass.
   */
  play?: { timeoutMs: number } | false;
  onProgress?: (line: string) => void;
}

export const DEFAULT_PLAY_TIMEOUT_MS = 60_000;

/** Runs `use` with a built reference bridge: `dir` when given, else one built now in a temporary folder. */
async function withReferenceBridge<T>(dir: string | undefined, use: (dir: string) => Promise<T>): Promise<T> {
  if (dir) return use(dir);
  const built = await mkdtemp(path.join(os.tmpdir(), "esb-certify-"));
  try {
    await bundleBridge(built);
    return await use(built);
  } finally {
    await rm(built, { recursive: true, force: true });
  }
}

const NOT_PLAYED: CheckResult = {
  id: "play",
  title: "Play: the published packages through the bridge with the embedded LMS",
  passed: false,
  evidence: ["not played: this run checked HTTP only"],
};

export const packageManifestUrl = (cdnBase: string, pkg: string): string =>
  /^https:\/\//i.test(pkg) ? pkg : `${cdnBase}/packages/${encodeURIComponent(pkg)}/imsmanifest.xml`;

export async function runCertify(
  options: CertifyOptions,
): Promise<{ certificate: Certificate; files: { json: string; html: string } }> {
  const startedAt = new Date().toISOString();
  const cdnBase = options.cdnBase.replace(/\/+$/, "");
  const packages = options.packages.map((p) => packageManifestUrl(cdnBase, p));
  const { expectedFrame, results } = await withReferenceBridge(options.bridgeDir, async (bridgeDir) => {
    const expected = options.expectedFrame ?? (await buildFrameManifest(bridgeDir));
    const checked = await runChecks(
      {
        cdnBase,
        lmsOrigin: options.lmsOrigin,
        packages,
        expectedFrame: expected,
        httpGet: options.httpGet,
        timeoutMs: options.timeoutMs,
      },
      options.onProgress,
    );
    const play = options.play ?? { timeoutMs: DEFAULT_PLAY_TIMEOUT_MS };
    const played = play
      ? await playPackages({
          packages,
          lmsOrigin: options.lmsOrigin,
          bridgeDir,
          httpGet: options.httpGet,
          caPem: options.caPem,
          timeoutMs: play.timeoutMs,
          failedChecks: checked.filter((r) => !r.passed).map((r) => r.id),
          onProgress: options.onProgress,
        })
      : [NOT_PLAYED];
    return { expectedFrame: expected, results: [...checked, ...played] };
  });
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
