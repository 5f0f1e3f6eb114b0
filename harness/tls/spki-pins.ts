// SPKI pins (base64 SHA-256 of the SubjectPublicKeyInfo) of the certificates in a PEM bundle, the form Chromium's
// --ignore-certificate-errors-spki-list takes: how a browser trusts a private CA that Node trusts by its PEM.
import { createHash, X509Certificate } from "node:crypto";

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** One pin per certificate in the bundle; throws when the text holds none or one cannot be read. */
export function spkiPinsOfPem(pem: string): string[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw new Error("The CA file holds no PEM certificate");
  return blocks.map((block) => {
    const spki = new X509Certificate(block).publicKey.export({ type: "spki", format: "der" });
    return createHash("sha256").update(spki).digest("base64");
  });
}
