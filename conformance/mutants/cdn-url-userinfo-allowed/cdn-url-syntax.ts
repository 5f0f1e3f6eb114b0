// Mutant: the plugin's CDN URL check drops the user-info before judging, so "https://good@cdn.example/…" passes
// (a classic phishing-style bypass); certify, built from the suite, still refuses it.
import {
  checkCdnUrlSyntax as original,
  type CdnUrlVerdict,
} from "../../../moodle-stack/twin/cdn-url-syntax.ts";

export {
  CDN_URL_CODES,
  MAX_CDN_URL_LENGTH,
  reject,
  type CdnUrlCode,
  type CdnUrlVerdict,
} from "../../../moodle-stack/twin/cdn-url-syntax.ts";

export function checkCdnUrlSyntax(raw: string, whitelist: readonly string[]): CdnUrlVerdict {
  return original(raw.replace(/^(https:\/\/)[^/?#@]*@/i, "$1"), whitelist);
}
