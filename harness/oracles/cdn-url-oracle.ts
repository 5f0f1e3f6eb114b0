// The suite's own reading of the CDN URL rule (properties.md P01), independent of any bridge's code: the first
// rule a candidate breaks, in this order — empty, too-long (over 2,048 characters), whitespace or control
// characters, backslash, not-absolute (no scheme), scheme (not https, case-insensitive), no-host (no "//host"),
// userinfo (an "@" in the authority), encoded-host (a "%" in the authority), ip-literal (IPv6 or an IPv4 number
// in any WHATWG spelling), bad-host (not LDH labels once IDN-normalised), not-manifest (the path, dot segments
// resolved, does not end in /imsmanifest.xml), whitelist (P14's oracle); then what the CDN world answers.
import { domainToASCII } from "node:url";
import { hostAllowed } from "./cdn-whitelist-oracle.ts";

/** What the test world serves: which hosts resolve to the CDN, on which port, which manifest paths exist. */
export interface CdnWorld {
  /** A host on this domain or below it reaches the CDN (others do not resolve). */
  cdnDomain: string;
  cdnPort: number;
  /** Decoded paths of manifests that exist. */
  manifests: readonly string[];
  /** Hosts that resolve but have no server on cdnPort's certificate (another test site): TLS refuses. */
  otherSites: readonly string[];
  profile: "good" | "frame-missing" | "outage";
}

const MAX = 2048;
const isSpaceOrControl = (c: number): boolean =>
  c <= 0x20 ||
  (c >= 0x7f && c <= 0xa0) ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** WHATWG reads a host whose last label is a number (decimal, 0x hex, or octal) as an IPv4 address. */
const looksIpv4 = (host: string): boolean => {
  const labels = host.replace(/\.$/, "").split(".");
  const last = labels[labels.length - 1] ?? "";
  return /^(0x[0-9a-f]*|\d+)$/i.test(last);
};

function resolveDots(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/").slice(1)) {
    if (seg === "." || seg.toLowerCase() === "%2e") continue;
    if (seg === ".." || /^(\.|%2e){2}$/i.test(seg)) out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}

export function expectedCdnUrlCode(raw: string, whitelist: readonly string[], world: CdnWorld): string {
  if (raw === "") return "empty";
  if (raw.length > MAX) return "too-long";
  for (const ch of raw) if (isSpaceOrControl(ch.codePointAt(0) ?? 0)) return "whitespace";
  if (raw.includes("\\")) return "backslash";
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(raw);
  if (!scheme) return "not-absolute";
  if ((scheme[1] ?? "").toLowerCase() !== "https") return "scheme";
  const rest = scheme[2] ?? "";
  const parts = /^\/\/([^/?#]*)([^?#]*)/.exec(rest);
  if (!parts || parts[1] === "") return "no-host";
  const authority = parts[1] ?? "";
  if (authority.includes("@")) return "userinfo";
  if (authority.includes("%")) return "encoded-host";
  const hostPort = /^(.*?)(?::(\d*))?$/.exec(authority);
  const rawHost = hostPort?.[1] ?? "";
  const port = hostPort?.[2] ? Number(hostPort[2]) : 443;
  if (rawHost.startsWith("[") || looksIpv4(rawHost)) return "ip-literal";
  const host = domainToASCII(rawHost).toLowerCase().replace(/\.$/, "");
  if (!host || !host.split(".").every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l))) return "bad-host";
  const path = resolveDots(parts[2] || "/");
  if (!path.endsWith("/imsmanifest.xml")) return "not-manifest";
  if (!hostAllowed(host, whitelist)) return "whitelist";
  // The network, as this test world answers.
  const onCdn = host === world.cdnDomain || host.endsWith(`.${world.cdnDomain}`);
  if (!onCdn && !world.otherSites.some((s) => host === s || host.endsWith(`.${s}`))) return "dns";
  if (port !== world.cdnPort) return "unreachable";
  if (!onCdn) return "tls";
  if (world.profile === "outage") return "unreachable";
  if (!world.manifests.includes(decodeURIComponent(path))) return "http-status";
  if (world.profile === "frame-missing") return "frame-missing";
  return "ok";
}
