// Plays the current CDN profile in front of the mock CDN: faults before the answer (outage, status, flaky, slow,
// redirect, frame page missing or stale) and rewrites of the headers the good CDN sets (CORS, caching, framing,
// content types, Range). Switch profiles at any time; certificate profiles are the stack's (see embedded-stack.ts).
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";
import { FRAME_MANIFEST_FILE, FRAME_PAGE_FILE, frameVersionOf } from "../bridges/frame-artefact.ts";
import { STALE_FRAME_VERSION, type CdnProfile } from "./cdn-profiles.ts";
import { throttleResponse } from "./throttle.ts";

type HeaderRule = (name: string, value: string) => string | null;

const keep: HeaderRule = (_n, v) => v;

function headerRule(profile: CdnProfile): HeaderRule {
  switch (profile.name) {
    case "s3-defaults":
      return (name, value) =>
        /^(access-control-|cache-control$|content-security-policy$|vary$)/i.test(name) ? null : value;
    case "wrong-content-types":
      return (name, value) => (/^content-type$/i.test(name) ? "application/octet-stream" : value);
    case "no-range":
      return (name, value) => (/^accept-ranges$/i.test(name) ? "none" : value);
    case "frame-denied":
      return profile.via === "csp"
        ? (name, value) => (/^content-security-policy$/i.test(name) ? "frame-ancestors 'self'" : value)
        : keep;
    default:
      return keep;
  }
}

export class CdnProfileSwitch {
  private profile: CdnProfile = { name: "good" };
  private served = 0;

  constructor(private readonly bridgeDir: string) {}

  get current(): CdnProfile {
    return this.profile;
  }

  set(profile: CdnProfile): void {
    this.profile = profile;
    this.served = 0;
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const profile = this.profile;
      const n = this.served++;
      const rule = headerRule(profile);
      const setHeader = res.setHeader.bind(res);
      res.setHeader = ((name: string, value: string | number | readonly string[]) => {
        const changed = rule(name, String(value));
        return changed === null ? res : setHeader(name, changed);
      }) as Response["setHeader"];
      if (profile.name === "frame-denied" && profile.via === "x-frame-options")
        res.setHeader("X-Frame-Options", "DENY");
      if (profile.name === "frame-denied" && profile.via === "csp") {
        res.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
      }
      if (profile.name === "no-range") delete req.headers.range;
      const isBridge = req.path.startsWith("/bridge/");
      switch (profile.name) {
        case "outage":
          req.socket.destroy();
          return;
        case "status":
          res.status(profile.status).type("text/plain").send(`HTTP ${profile.status} from the CDN`);
          return;
        case "flaky":
          if (Math.floor((n + 1) * profile.errorRatio) > Math.floor(n * profile.errorRatio)) {
            res.status(503).type("text/plain").send("Service unavailable (flaky CDN)");
            return;
          }
          break;
        case "redirect-http":
          res.redirect(301, `http://${req.headers.host ?? "cdn.test"}${req.originalUrl}`);
          return;
        case "frame-missing":
          if (isBridge) {
            res.status(404).type("text/plain").send("Not found");
            return;
          }
          break;
        case "frame-wrong-version":
          if (req.path === `/bridge/${FRAME_PAGE_FILE}` || req.path === `/bridge/${FRAME_MANIFEST_FILE}`) {
            void this.staleFrameFile(req.path.slice("/bridge/".length)).then(
              (body) => res.type(path.extname(req.path)).send(body),
              next,
            );
            return;
          }
          break;
        case "slow":
          throttleResponse(res, profile.bytesPerSecond);
          setTimeout(next, profile.latencyMs);
          return;
        default:
          break;
      }
      next();
    };
  }

  /** The frame page or its manifest as an older bridge version would have them. */
  private async staleFrameFile(file: string): Promise<string> {
    const text = await readFile(path.join(this.bridgeDir, file), "utf8");
    if (file === FRAME_PAGE_FILE) {
      const version = frameVersionOf(text) ?? "";
      return text.replace(`content="${version}"`, `content="${STALE_FRAME_VERSION}"`);
    }
    return JSON.stringify({ ...(JSON.parse(text) as object), version: STALE_FRAME_VERSION }, null, 2);
  }
}
