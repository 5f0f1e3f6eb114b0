// The suite's own reading of the CDN whitelist rule (properties.md P14): a host is allowed iff the list is empty
// or an entry matches it exactly, or is "*.domain" and the host lies below domain on a label boundary; both sides
// compared case-insensitively, IDN in punycode, without a trailing dot. Independent of any bridge's code.
import { domainToASCII } from "node:url";

function normalise(host: string): string {
  return domainToASCII(host.trim().replace(/\.$/, "")).toLowerCase();
}

export function hostAllowed(host: string, whitelist: readonly string[]): boolean {
  if (whitelist.length === 0) return true;
  const h = normalise(host);
  return whitelist.some((entry) => {
    const e = entry.trim();
    if (!e.startsWith("*.")) return normalise(e) === h;
    const domain = normalise(e.slice(2));
    return h.length > domain.length && h.endsWith(`.${domain}`);
  });
}
