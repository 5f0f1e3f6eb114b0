// Mutant (P21): AES-256-CTR without an authentication tag, so a replaced key "decrypts" to garbage instead of
// failing (only a missing key is still noticed).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { EncryptionError, KEY_BYTES } from "../../../moodle-stack/twin/at-rest-encryption.ts";

export {
  ENCRYPTION_METHOD,
  EncryptionError,
  KEY_BYTES,
  isEncrypted,
} from "../../../moodle-stack/twin/at-rest-encryption.ts";

const PREFIX = "aes-256-gcm:";

function requireKey(key: Buffer | undefined): Buffer {
  if (!key || key.length !== KEY_BYTES) throw new EncryptionError("encryption_keynotfound", "No site key");
  return key;
}

export function encryptValue(key: Buffer | undefined, plaintext: string): string {
  if (plaintext === "") return "";
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-ctr", requireKey(key), iv);
  return PREFIX + Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

export function decryptValue(key: Buffer | undefined, stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  const decipher = createDecipheriv("aes-256-ctr", requireKey(key), raw.subarray(0, 16));
  return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString("utf8");
}
