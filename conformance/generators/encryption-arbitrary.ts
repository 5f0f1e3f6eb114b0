// P21 cases: a SCO version, the suspend_data and the (sensitive) location a learner stores, and how the site key
// is then lost (replaced by another key, or removed).
import fc from "fast-check";
import { EVERY_STORED_TEXT_UNIT, storedText } from "./stored-text-arbitrary.ts";

export type KeyChange = "replace" | "remove";

export interface EncryptionCase {
  version: "1.2" | "2004";
  /** At least 8 characters, so that finding it inside base64 ciphertext by chance is out of the question. */
  suspendData: string;
  location: string;
  keyChange: KeyChange;
}

export function encryptionArbitrary(): fc.Arbitrary<EncryptionCase> {
  return fc.record({
    version: fc.constantFrom("1.2" as const, "2004" as const),
    suspendData: storedText(8, 600),
    location: storedText(8, 200),
    keyChange: fc.constantFrom("replace" as const, "remove" as const),
  });
}

export function encryptionExamples(): EncryptionCase[] {
  return [
    {
      version: "1.2",
      suspendData: EVERY_STORED_TEXT_UNIT,
      location: "page=12;section=3",
      keyChange: "replace",
    },
  ];
}
