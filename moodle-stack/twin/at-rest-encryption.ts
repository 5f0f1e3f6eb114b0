// Encryption at rest with the site key, as the plugin would call Moodle's \core\encryption (moodle-scorm-contract
// §7.3). Moodle writes "<method>:" . base64(iv . ciphertext) with sodium's secretbox; the twin models it with
// Node's AES-256-GCM and writes
//
//   "aes-256-gcm:" . base64(iv[12 bytes] . ciphertext . tag[16 bytes])
//
// The GCM tag authenticates the value: a wrong key or a changed byte is an error (encryption_decryptfailed),
// never garbage. As in Moodle the empty string passes through unencrypted. A value without the method prefix is
// one stored before encryption was switched on and reads as it is.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const ENCRYPTION_METHOD = "aes-256-gcm";
export const KEY_BYTES = 32;
const PREFIX = `${ENCRYPTION_METHOD}:`;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** moodle_exception from \core\encryption, with its error code. */
export class EncryptionError extends Error {
  constructor(
    readonly errorcode: "encryption_keynotfound" | "encryption_decryptfailed",
    message: string,
  ) {
    super(message);
    this.name = "EncryptionError";
  }
}

/** True when a stored value was written by encryptValue (it carries the method prefix). */
export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

function requireKey(key: Buffer | undefined): Buffer {
  if (!key) throw new EncryptionError("encryption_keynotfound", "The site's encryption key file is missing");
  if (key.length !== KEY_BYTES)
    throw new EncryptionError(
      "encryption_keynotfound",
      `The site's encryption key is not ${KEY_BYTES} bytes`,
    );
  return key;
}

export function encryptValue(key: Buffer | undefined, plaintext: string): string {
  if (plaintext === "") return "";
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ENCRYPTION_METHOD, requireKey(key), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64");
}

export function decryptValue(key: Buffer | undefined, stored: string): string {
  if (!isEncrypted(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES)
    throw new EncryptionError(
      "encryption_decryptfailed",
      "The stored value is too short to be encrypted data",
    );
  const decipher = createDecipheriv(ENCRYPTION_METHOD, requireKey(key), raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new EncryptionError(
      "encryption_decryptfailed",
      "The stored value could not be decrypted: the site's encryption key is not the one it was written with, or the value was altered",
    );
  }
}
