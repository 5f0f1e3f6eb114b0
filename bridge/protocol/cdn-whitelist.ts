// The CDN whitelist: entries are host names (exact) or "*.domain" (any host below domain, on a label
// boundary), compared case-insensitively after IDN (punycode) and trailing-dot normalisation.
export class WhitelistError extends Error {}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The host as browsers compare it: lower case, punycode, no trailing dot; null if it is no host name. */
export function normaliseHost(host: string): string | null {
  if (!host || /[\s/\\@:?#%]/.test(host)) return null;
  let hostname: string;
  try {
    hostname = new URL(`https://${host}/`).hostname;
  } catch {
    return null;
  }
  hostname = hostname.replace(/\.$/, "");
  return hostname.split(".").every((label) => LABEL.test(label)) ? hostname : null;
}

export function validateWhitelist(entries: unknown): string[] {
  if (!Array.isArray(entries)) throw new WhitelistError("The CDN whitelist must be a list of host names");
  const errors: string[] = [];
  const normalised = entries.map((entry) => {
    const text = typeof entry === "string" ? entry.trim() : "";
    const wildcard = text.startsWith("*.");
    const host = normaliseHost(wildcard ? text.slice(2) : text);
    if (!host || (wildcard && !host.includes("."))) {
      errors.push(`"${String(entry)}" is not a host name or *.domain`);
      return "";
    }
    return wildcard ? `*.${host}` : host;
  });
  if (errors.length > 0) throw new WhitelistError(`Invalid CDN whitelist: ${errors.join("; ")}.`);
  return normalised;
}

/** True when the whitelist is empty (no restriction) or the URL's host matches an entry. */
export function isWhitelisted(url: string, whitelist: readonly string[]): boolean {
  if (whitelist.length === 0) return true;
  let host: string | null;
  try {
    host = normaliseHost(new URL(url).hostname);
  } catch {
    return false;
  }
  if (!host) return false;
  return whitelist.some((entry) => (entry.startsWith("*.") ? host.endsWith(entry.slice(1)) : host === entry));
}
