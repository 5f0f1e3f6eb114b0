// Guards of the harness server against other sites: the Host must be the loopback address the server bound
// (no DNS rebinding), and state-changing requests and the WebSocket need the server's own Origin and the
// per-session token that only the served page knows.
import { timingSafeEqual } from "node:crypto";

export interface GuardConfig {
  origin: string;
  token: string;
}

export function hostAllowed(host: string | undefined, config: GuardConfig): boolean {
  return host !== undefined && host === new URL(config.origin).host;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** Null when allowed, else the reason to refuse. */
export function crossSiteProblem(
  origin: string | undefined,
  token: string | undefined,
  config: GuardConfig,
): string | null {
  if (origin !== config.origin) return `origin ${origin ?? "(none)"} is not ${config.origin}`;
  if (!sameToken(token, config.token)) return "missing or wrong session token";
  return null;
}
