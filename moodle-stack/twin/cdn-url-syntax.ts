// The first half of the CDN URL verdict: what can be judged from the text alone (scheme, user-info, host,
// characters, length, whitelist, imsmanifest.xml). Pure and synchronous, so that every layer gives the same answer.
import { isWhitelisted, normaliseHost } from "../../bridge/protocol/cdn-whitelist.ts";

/** Stable codes of every rejection, in the order the rules are checked. */
export const CDN_URL_CODES = [
  "empty",
  "too-long",
  "whitespace",
  "backslash",
  "not-absolute",
  "scheme",
  "userinfo",
  "encoded-host",
  "no-host",
  "ip-literal",
  "bad-host",
  "not-manifest",
  "whitelist",
  "timeout",
  "dns",
  "tls",
  "unreachable",
  "redirect",
  "http-status",
  "manifest-parse",
  "manifest-version",
  "frame-missing",
] as const;
export type CdnUrlCode = (typeof CDN_URL_CODES)[number];

export type CdnUrlVerdict =
  { ok: true; url: string; version?: string } | { ok: false; code: CdnUrlCode; reason: string };

export const MAX_CDN_URL_LENGTH = 2048;

export const reject = (code: CdnUrlCode, reason: string): CdnUrlVerdict => ({ ok: false, code, reason });

// C0 and C1 controls, DEL, and every Unicode space or line/paragraph separator (control characters on purpose).
const WHITESPACE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/u;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The authority as written (between "//" and the path), or null when the URL has none. */
function writtenAuthority(raw: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(raw);
  return match ? (match[1] ?? "") : null;
}

export function checkCdnUrlSyntax(raw: string, whitelist: readonly string[]): CdnUrlVerdict {
  if (raw.length === 0) return reject("empty", "Enter the URL of the package's imsmanifest.xml on your CDN.");
  if (raw.length > MAX_CDN_URL_LENGTH) {
    return reject("too-long", `The URL is longer than ${MAX_CDN_URL_LENGTH} characters.`);
  }
  if (WHITESPACE_OR_CONTROL.test(raw)) {
    return reject("whitespace", "The URL contains spaces or control characters; remove them.");
  }
  if (raw.includes("\\"))
    return reject("backslash", "The URL contains a backslash; use forward slashes only.");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return reject("not-absolute", "This is not an absolute URL; it must start with https://.");
  }
  if (url.protocol !== "https:") {
    return reject("scheme", `Only https: URLs are allowed, not ${url.protocol}.`);
  }
  const authority = writtenAuthority(raw);
  if (!authority) return reject("no-host", "The URL has no host; write it as https://host/path.");
  if (authority.includes("@") || url.username !== "" || url.password !== "") {
    return reject("userinfo", "The URL must not contain a user name or password (the part before @).");
  }
  if (authority.includes("%")) {
    return reject("encoded-host", "The host name must not be percent-encoded.");
  }
  if (url.hostname === "") return reject("no-host", "The URL has no host; write it as https://host/path.");
  if (url.hostname.startsWith("[") || IPV4.test(url.hostname)) {
    return reject("ip-literal", "Use the CDN's host name, not an IP address.");
  }
  const host = normaliseHost(url.hostname);
  if (!host) return reject("bad-host", `"${url.hostname}" is not a valid host name.`);
  if (!url.pathname.endsWith("/imsmanifest.xml")) {
    return reject("not-manifest", "The URL must point at the package's imsmanifest.xml.");
  }
  if (!isWhitelisted(url.href, whitelist)) {
    return reject("whitelist", `The host ${host} is not on the CDN whitelist set by the administrator.`);
  }
  url.hostname = host;
  url.hash = "";
  return { ok: true, url: url.href };
}
