// The site's encryption key file, as Moodle keeps it in $CFG->secretdataroot/key (moodle-scorm-contract §7.3):
// created on first use, readable only by the server. Losing the file (or replacing it) makes every value
// encrypted with it unreadable.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { KEY_BYTES } from "./at-rest-encryption.ts";

export class SiteKey {
  private constructor(private readonly file: string) {}

  /** A key file under `secretdataroot` (a fresh temporary folder when not given). */
  static at(secretdataroot = mkdtempSync(path.join(os.tmpdir(), "esb-secret-"))): SiteKey {
    return new SiteKey(path.join(secretdataroot, "key", "aes-256-gcm.key"));
  }

  /** The key, or undefined when the file is missing. */
  read(): Buffer | undefined {
    try {
      return readFileSync(this.file);
    } catch {
      return undefined;
    }
  }

  /** The key, created on first use (Moodle does the same unless $CFG->nokeygeneration). */
  readOrCreate(): Buffer {
    const existing = this.read();
    if (existing) return existing;
    const key = randomBytes(KEY_BYTES);
    this.write(key);
    return key;
  }

  /** Replaces the key file (a restored backup, or another site's key). */
  write(key: Buffer): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(this.file, key, { mode: 0o600 });
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }
}
