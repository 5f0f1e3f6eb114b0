// Mutant: "*.domain" matches any host that ends with the domain's text, without a label boundary, so "*.dn.test"
// admits eu.cdn.test (a classic endsWith bug).
import { normaliseHost } from "../../../bridge/protocol/cdn-whitelist.ts";

export { WhitelistError, normaliseHost, validateWhitelist } from "../../../bridge/protocol/cdn-whitelist.ts";

export function isWhitelisted(url: string, whitelist: readonly string[]): boolean {
  if (whitelist.length === 0) return true;
  const host = normaliseHost(new URL(url).hostname);
  if (!host) return false;
  return whitelist.some((entry) => (entry.startsWith("*.") ? host.endsWith(entry.slice(2)) : host === entry));
}
