// The mock CDN: serves published packages and the bridge frame page from local folders, logging every request,
// set up as a good CDN should be (CORS and framing for the LMS origin only, caching headers, Range) unless the
// current profile (cdn-profile-switch.ts) says otherwise.
import path from "node:path";
import express from "express";
import { CdnProfileSwitch } from "./cdn-profile-switch.ts";
import { RequestLog } from "./request-log.ts";

export interface MockCdnOptions {
  /** Folder whose sub-folders are published packages, served under /packages/. */
  storageDir: string;
  /** Folder holding the built bridge frame page, served under /bridge/. */
  bridgeDir: string;
  /** Origin of the LMS, the only one allowed to frame the bridge page. */
  lmsOrigin: () => string;
}

export function createMockCdn(options: MockCdnOptions): {
  app: express.Express;
  log: RequestLog;
  profile: CdnProfileSwitch;
} {
  const log = new RequestLog();
  const profile = new CdnProfileSwitch(options.bridgeDir);
  const app = express();
  app.disable("x-powered-by");
  app.use(log.middleware(), profile.middleware());
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Access-Control-Allow-Origin", options.lmsOrigin());
    res.setHeader("Vary", "Origin");
    next();
  });
  app.use(
    "/bridge",
    (_req, res, next) => {
      res.setHeader("Content-Security-Policy", `frame-ancestors ${options.lmsOrigin()}`);
      res.setHeader("Cache-Control", "no-cache");
      next();
    },
    express.static(options.bridgeDir, { index: false, dotfiles: "deny", fallthrough: false }),
  );
  app.use(
    "/packages",
    (_req, res, next) => {
      res.setHeader("Cache-Control", "public, max-age=3600");
      next();
    },
    express.static(path.resolve(options.storageDir), {
      index: false,
      dotfiles: "deny",
      fallthrough: false,
      cacheControl: false,
    }),
  );
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("Not found");
  });
  return { app, log, profile };
}
