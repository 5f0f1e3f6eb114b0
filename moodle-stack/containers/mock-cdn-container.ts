// The containers stack's mock CDN: harness/cdn/mock-cdn-main.ts bundled for Node 18+ and run by Node in a
// Testcontainers container (esb-mock-cdn: Debian's nodejs on the project's base, built by build-images.ts; with a
// registry, node:20-bookworm-slim). The stack's package storage and the built bridge are bind-mounted read-only,
// so what is published on the host is served at once; the certificate and key are copied in; the site's port
// (8443) and the control API's (8444) are mapped to free ports on this machine, and the browser reaches the site
// as https://cdn.test:<mapped port>. Needs a local engine (bind mounts).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { GenericContainer, Wait, type StartedTestContainer } from "testcontainers";
import { connectRemoteCdnSite } from "../../harness/cdn/cdn-control-client.ts";
import type { CdnSiteFactory } from "../../harness/cdn/cdn-site.ts";
import { PROJECT_ROOT } from "../../harness/packages/package-files.ts";
import { SITES } from "../../harness/stack/sites.ts";
import { localImageExists, mockCdnImage } from "./images.ts";
import { STACK_LABEL, localEngineDefaults } from "./mysql-container.ts";

const SITE_PORT = 8443;
const CONTROL_PORT = 8444;
const STARTUP_TIMEOUT_MS = 60_000;
const ENTRY = path.join(PROJECT_ROOT, "harness", "cdn", "mock-cdn-main.ts");
const BUNDLE = "mock-cdn.cjs";

/** Bundles the mock CDN program (express included) into one file in a new temporary folder. */
async function bundleMockCdn(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-mock-cdn-"));
  await build({
    entryPoints: [ENTRY],
    outfile: path.join(dir, BUNDLE),
    bundle: true,
    platform: "node",
    target: "node18",
    format: "cjs",
    logLevel: "error",
  });
  return dir;
}

/** Starts the mock CDN in a container for a stack; the container stops when the site is closed. */
export const startMockCdnContainer: CdnSiteFactory = async (setup) => {
  localEngineDefaults();
  const image = mockCdnImage(localImageExists);
  const bundleDir = await bundleMockCdn();
  const token = randomBytes(24).toString("base64url");
  let container: StartedTestContainer;
  try {
    container = await new GenericContainer(image)
      .withCommand(["node", `/opt/esb-mock-cdn/${BUNDLE}`])
      .withEnvironment({
        ESB_CDN_LMS_ORIGIN: setup.lmsOrigin,
        ESB_CDN_CONTROL_TOKEN: token,
        ESB_CDN_CERT_DIR: "/run/esb-cdn",
        ESB_CDN_STORAGE_DIR: "/srv/packages",
        ESB_CDN_BRIDGE_DIR: "/srv/bridge",
      })
      .withBindMounts([
        { source: bundleDir, target: "/opt/esb-mock-cdn", mode: "ro" },
        { source: path.resolve(setup.storageDir), target: "/srv/packages", mode: "ro" },
        { source: path.resolve(setup.bridgeDir), target: "/srv/bridge", mode: "ro" },
      ])
      .withCopyContentToContainer([
        { content: setup.certificate.keyPem, target: "/run/esb-cdn/key.pem", mode: 0o600 },
        { content: setup.certificate.chainPem, target: "/run/esb-cdn/chain.pem", mode: 0o644 },
      ])
      .withExposedPorts(SITE_PORT, CONTROL_PORT)
      .withLabels({ [STACK_LABEL]: "containers", "esb.role": "mock-cdn" })
      .withWaitStrategy(Wait.forLogMessage(/mock CDN ready/))
      .withStartupTimeout(STARTUP_TIMEOUT_MS)
      .start();
  } catch (error) {
    await rm(bundleDir, { recursive: true, force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The mock CDN container (${image}) did not start: ${why}. Without a registry, build esb-mock-cdn with ` +
        "`npx tsx moodle-stack/containers/build-images.ts`, or set ESB_MOCK_CDN_IMAGE to an image with Node 18+.",
      { cause: error },
    );
  }
  const stop = async (): Promise<void> => {
    try {
      await container.stop({ timeout: 5_000 });
    } finally {
      await rm(bundleDir, { recursive: true, force: true });
    }
  };
  const origin = `https://${SITES.cdn}:${container.getMappedPort(SITE_PORT)}`;
  const controlUrl = `http://${container.getHost()}:${container.getMappedPort(CONTROL_PORT)}`;
  try {
    const site = await connectRemoteCdnSite({ controlUrl, token, origin, stop });
    process.stdout.write(`containers stack: the mock CDN in ${image} at ${origin}\n`);
    return site;
  } catch (error) {
    await stop();
    throw error;
  }
};
