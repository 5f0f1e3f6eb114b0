// A certificate authority made fresh for each run, and one leaf certificate per test site. Chromium trusts
// the CA by SPKI pin (--ignore-certificate-errors-spki-list), Node's clients by passing the CA's PEM.
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

export interface SiteCertificate {
  host: string;
  keyPem: string;
  /** Leaf then CA, as the server presents it. */
  chainPem: string;
}

export interface RunCa {
  caPem: string;
  /** base64 SHA-256 of the CA's SubjectPublicKeyInfo. */
  spkiPin: string;
  sites: Map<string, SiteCertificate>;
  /** Issues another leaf from this CA (for certificate faults: expired, or for another name). */
  issue(host: string, validity?: { notBefore: Date; notAfter: Date }): Promise<SiteCertificate>;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n");
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith("\n") ? "" : "\n"}-----END ${label}-----\n`;
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString("hex")
    .replace(/^[89a-f]/, "1");
}

export async function createRunCa(hosts: readonly string[], validDays = 2): Promise<RunCa> {
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + validDays * 86_400_000);
  const caKeys = (await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=SCORM bridge conformance run CA ${new Date().toISOString()}`,
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const spki = await webcrypto.subtle.exportKey("spki", caKeys.publicKey);
  const spkiPin = Buffer.from(await webcrypto.subtle.digest("SHA-256", spki)).toString("base64");

  const issue = async (host: string, validity = { notBefore, notAfter }): Promise<SiteCertificate> => {
    const keys = (await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject: `CN=${host}`,
      issuer: ca.subject,
      notBefore: validity.notBefore,
      notAfter: validity.notAfter,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: ALG,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        // Subdomains too: a CDN may serve from eu.cdn.test as well as cdn.test (whitelist wildcards, P14).
        new x509.SubjectAlternativeNameExtension([
          { type: "dns", value: host },
          { type: "dns", value: `*.${host}` },
        ]),
      ],
    });
    const keyPem = pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
    return { host, keyPem, chainPem: leaf.toString("pem") + "\n" + ca.toString("pem") + "\n" };
  };
  const sites = new Map<string, SiteCertificate>();
  for (const host of hosts) sites.set(host, await issue(host));
  return { caPem: ca.toString("pem") + "\n", spkiPin, sites, issue };
}
