// The mock CDN as a program of its own, as the containers stack runs it (bundled, in esb-mock-cdn): the public
// HTTPS site on ESB_CDN_PORT (8443) serving ESB_CDN_STORAGE_DIR and ESB_CDN_BRIDGE_DIR as mock-cdn.ts does, and
// the control API (cdn-control-app.ts) on ESB_CDN_CONTROL_PORT (8444), both on every address. Its certificate and
// key are read from ESB_CDN_CERT_DIR (chain.pem, key.pem); the LMS origin from ESB_CDN_LMS_ORIGIN; the control
// token from ESB_CDN_CONTROL_TOKEN. Prints "mock CDN ready" once both listen; exits 2 naming a missing setting.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { startHttpsSite } from "../stack/https-site.ts";
import { createCdnControlApp } from "./cdn-control-app.ts";
import { createMockCdn } from "./mock-cdn.ts";

function setting(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === "") {
    console.error(`mock CDN: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

function port(name: string, fallback: string): number {
  const value = Number(setting(name, fallback));
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    console.error(`mock CDN: ${name} must be a TCP port`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const lmsOrigin = setting("ESB_CDN_LMS_ORIGIN");
  if (
    !URL.canParse(lmsOrigin) ||
    new URL(lmsOrigin).origin !== lmsOrigin ||
    !lmsOrigin.startsWith("https://")
  ) {
    console.error(`mock CDN: ESB_CDN_LMS_ORIGIN must be an https origin, not ${JSON.stringify(lmsOrigin)}`);
    process.exit(2);
  }
  const token = setting("ESB_CDN_CONTROL_TOKEN");
  const certDir = setting("ESB_CDN_CERT_DIR", "/run/esb-cdn");
  const certificate = {
    host: "cdn.test",
    keyPem: readFileSync(path.join(certDir, "key.pem"), "utf8"),
    chainPem: readFileSync(path.join(certDir, "chain.pem"), "utf8"),
  };
  const cdn = createMockCdn({
    storageDir: setting("ESB_CDN_STORAGE_DIR", "/srv/packages"),
    bridgeDir: setting("ESB_CDN_BRIDGE_DIR", "/srv/bridge"),
    lmsOrigin: () => lmsOrigin,
  });
  const site = await startHttpsSite(cdn.app, certificate, undefined, {
    host: "0.0.0.0",
    port: port("ESB_CDN_PORT", "8443"),
  });
  const control = createCdnControlApp({
    token,
    log: cdn.log,
    profile: cdn.profile,
    setCertificate: (next) => site.setCertificate({ ...next, host: certificate.host }),
  });
  const controlPort = port("ESB_CDN_CONTROL_PORT", "8444");
  await new Promise<void>((resolve) => http.createServer(control).listen(controlPort, "0.0.0.0", resolve));
  console.log(`mock CDN ready: site on ${site.port}, control on ${controlPort}, LMS origin ${lmsOrigin}`);
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.on(signal, () => void site.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`mock CDN: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
