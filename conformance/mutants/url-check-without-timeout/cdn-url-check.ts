// Mutant: the plugin's CDN URL check ignores the configured URL-check timeout and waits up to ten minutes for a
// slow CDN, so the activity form hangs instead of refusing in time.
import {
  checkCdnUrl as original,
  type CdnUrlCheck,
  type CdnUrlCheckOptions,
} from "../../../moodle-stack/twin/cdn-url-check.ts";

export {
  verdictOf,
  type CdnUrlAccepted,
  type CdnUrlCheck,
  type CdnUrlCheckOptions,
} from "../../../moodle-stack/twin/cdn-url-check.ts";

export function checkCdnUrl(raw: string, options: CdnUrlCheckOptions): Promise<CdnUrlCheck> {
  return original(raw, { ...options, timeoutMs: 600_000 });
}
