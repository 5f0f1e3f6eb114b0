// Encryption at rest (moodle-scorm-contract §7.3, \core\encryption; properties P21): the value format, errors for
// a missing or wrong key (never garbage), and which elements the admin settings seal.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import {
  decryptValue,
  encryptValue,
  EncryptionError,
  isEncrypted,
} from "../../moodle-stack/twin/at-rest-encryption.ts";
import { isSealedElement, validateAtRestSettings } from "../../moodle-stack/twin/at-rest-settings.ts";

const errorCode = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof EncryptionError ? error.errorcode : `not an EncryptionError: ${String(error)}`;
  }
};

test("§7.3: values are stored as method prefix + base64(iv . ciphertext . tag) and decrypt exactly", () => {
  const key = randomBytes(32);
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 }), (plaintext) => {
      const stored = encryptValue(key, plaintext);
      expect(stored).toMatch(/^aes-256-gcm:[A-Za-z0-9+/]+=*$/);
      expect(isEncrypted(stored)).toBe(true);
      expect(stored).not.toBe(plaintext);
      expect(decryptValue(key, stored)).toBe(plaintext);
    }),
  );
  expect(encryptValue(key, "same")).not.toBe(encryptValue(key, "same"));
});

test("§7.3: the empty string passes through, and a value stored before encryption reads as it is", () => {
  const key = randomBytes(32);
  expect(encryptValue(key, "")).toBe("");
  expect(decryptValue(key, "")).toBe("");
  expect(decryptValue(key, "plain old suspend data")).toBe("plain old suspend data");
});

test("§7.3: a wrong key, a missing key or an altered value is an error with a code, never garbage", () => {
  const stored = encryptValue(randomBytes(32), "secret suspend data");
  expect(errorCode(() => decryptValue(randomBytes(32), stored))).toBe("encryption_decryptfailed");
  expect(errorCode(() => decryptValue(undefined, stored))).toBe("encryption_keynotfound");
  expect(errorCode(() => decryptValue(randomBytes(16), stored))).toBe("encryption_keynotfound");
  const key = randomBytes(32);
  const good = encryptValue(key, "secret suspend data");
  const raw = Buffer.from(good.slice("aes-256-gcm:".length), "base64");
  raw[raw.length - 20] = raw[raw.length - 20]! ^ 1;
  expect(errorCode(() => decryptValue(key, `aes-256-gcm:${raw.toString("base64")}`))).toBe(
    "encryption_decryptfailed",
  );
  expect(errorCode(() => decryptValue(key, "aes-256-gcm:AAAA"))).toBe("encryption_decryptfailed");
  expect(errorCode(() => encryptValue(undefined, "x"))).toBe("encryption_keynotfound");
});

test("settings: sensitive elements are SCORM names, never ones mod_scorm grades, completes or reports from", () => {
  expect(
    validateAtRestSettings({ encrypt: true, sensitiveElements: [" cmi.location ", "cmi.location"] }),
  ).toEqual({
    encrypt: true,
    sensitiveElements: ["cmi.location"],
  });
  for (const graded of [
    "cmi.core.score.raw",
    "cmi.score.scaled",
    "cmi.core.lesson_status",
    "cmi.completion_status",
    "cmi.success_status",
    "cmi.total_time",
  ])
    expect(() => validateAtRestSettings({ encrypt: true, sensitiveElements: [graded] })).toThrow(
      new RegExp(`${graded.replace(/\./g, "\\.")} cannot be sensitive`),
    );
  for (const bad of ["location", "cmi..x", "cmi.Location", 7, "cmi.x;drop"])
    expect(() => validateAtRestSettings({ encrypt: true, sensitiveElements: [bad] })).toThrow(
      /not a SCORM element/,
    );
  expect(() => validateAtRestSettings({ encrypt: "yes" })).toThrow(/encrypt: must be true or false/);
  expect(() => validateAtRestSettings({ sensitiveElements: "cmi.location" })).toThrow(/list/);
});

test("settings: suspend_data and the sensitive elements are sealed, in both versions' stored spellings", () => {
  const on = validateAtRestSettings({
    encrypt: true,
    sensitiveElements: [
      "cmi.interactions.n.learner_response",
      "cmi.interactions.n.student_response",
      "cmi.location",
    ],
  });
  expect(isSealedElement(on, "cmi.suspend_data")).toBe(true);
  expect(isSealedElement(on, "cmi.interactions.12.learner_response")).toBe(true);
  expect(isSealedElement(on, "cmi.interactions_3.student_response")).toBe(true);
  expect(isSealedElement(on, "cmi.interactions_3.id")).toBe(false);
  expect(isSealedElement(on, "cmi.location")).toBe(true);
  expect(isSealedElement(on, "cmi.location2")).toBe(false);
  expect(isSealedElement(on, "cmi.core.score.raw")).toBe(false);
  const off = validateAtRestSettings({ encrypt: false, sensitiveElements: ["cmi.location"] });
  expect(isSealedElement(off, "cmi.suspend_data")).toBe(false);
  expect(isSealedElement(off, "cmi.location")).toBe(false);
});
