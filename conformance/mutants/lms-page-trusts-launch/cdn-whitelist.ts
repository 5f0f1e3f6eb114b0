// Mutant: the bridge's LMS page trusts whatever frame the launch answer names (its whitelist check always passes);
// the server side, running outside a browser, still checks.
import { isWhitelisted as referenceIsWhitelisted } from "../../../bridge/protocol/cdn-whitelist.ts";

export { WhitelistError, normaliseHost, validateWhitelist } from "../../../bridge/protocol/cdn-whitelist.ts";

export function isWhitelisted(url: string, whitelist: readonly string[]): boolean {
  return typeof window !== "undefined" || referenceIsWhitelisted(url, whitelist);
}
