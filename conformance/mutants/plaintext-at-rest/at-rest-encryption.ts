// Mutant (P21): "encrypts" by only adding the method prefix, so the stored value still holds the plaintext and any
// key (or none) "decrypts" it.
export {
  ENCRYPTION_METHOD,
  EncryptionError,
  KEY_BYTES,
  isEncrypted,
} from "../../../moodle-stack/twin/at-rest-encryption.ts";

const PREFIX = "aes-256-gcm:";

export function encryptValue(_key: Buffer | undefined, plaintext: string): string {
  return plaintext === "" ? "" : PREFIX + plaintext;
}

export function decryptValue(_key: Buffer | undefined, stored: string): string {
  return stored.startsWith(PREFIX) ? stored.slice(PREFIX.length) : stored;
}
