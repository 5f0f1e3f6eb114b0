// Track values through encryption at rest: sealed on their way into scorm_scoes_value when the settings say so,
// opened for the launch seed, the player's finish semantics and authorized reports and exports.
import { decryptValue, encryptValue, EncryptionError, isEncrypted } from "./at-rest-encryption.ts";
import { isSealedElement, type AtRestSettings } from "./at-rest-settings.ts";

/** The site key file as the plugin reaches it. */
export interface SiteKeyAccess {
  read(): Buffer | undefined;
  readOrCreate(): Buffer;
}

export interface AtRest {
  settings: AtRestSettings;
  key: SiteKeyAccess;
}

export type Opened = { ok: true; value: string } | { ok: false; error: EncryptionError };

/** The value to store for `storedElement`: encrypted with the site key when that element is sealed. */
export function sealValue(atRest: AtRest, storedElement: string, value: string): string {
  return isSealedElement(atRest.settings, storedElement)
    ? encryptValue(atRest.key.readOrCreate(), value)
    : value;
}

/** The plaintext of a stored value; throws EncryptionError for a missing or wrong key. The key file is read
 * only for an encrypted value. */
export function openValue(atRest: AtRest, stored: string): string {
  return isEncrypted(stored) ? decryptValue(atRest.key.read(), stored) : stored;
}

export function tryOpenValue(atRest: AtRest, stored: string): Opened {
  try {
    return { ok: true, value: openValue(atRest, stored) };
  } catch (error) {
    if (error instanceof EncryptionError) return { ok: false, error };
    throw error;
  }
}
