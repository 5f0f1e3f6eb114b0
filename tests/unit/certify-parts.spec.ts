// certify's pieces that need no CDN: its arguments, the framing rule, and the certificate's hash and escaping.
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { certificateHtml, makeCertificate } from "../../harness/certify/certificate.ts";
import { packageLabel, printable } from "../../harness/certify/certify-play.ts";
import { framingAllowed } from "../../harness/certify/framing-policy.ts";
import { driveValues } from "../../harness/certify/sco-session-drive.ts";
import { certifyMain } from "../../harness/cli/certify-command.ts";
import { createRunCa } from "../../harness/tls/run-ca.ts";
import { spkiPinsOfPem } from "../../harness/tls/spki-pins.ts";

const LMS = "https://lms.example";
const CDN = "https://cdn.example";

test("certify refuses bad arguments with exit code 2 and prints its help", async () => {
  let printed = "";
  expect(await certifyMain(["--help"], (s) => (printed += s))).toBe(0);
  expect(printed).toContain("--cdn-base");
  expect(printed).toContain("--play-timeout-ms");
  const stderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    expect(await certifyMain(["--cdn-base", "http://cdn.example", "--package", "p"])).toBe(2);
    expect(await certifyMain(["--cdn-base", "https://cdn.example"])).toBe(2);
    expect(await certifyMain(["--cdn-base", CDN, "--package", "p", "--lms-origin", `${LMS}/path`])).toBe(2);
    expect(await certifyMain(["--cdn-base", CDN, "--package", "p", "--timeout-ms", "5"])).toBe(2);
    expect(await certifyMain(["--cdn-base", CDN, "--package", "p", "--play-timeout-ms", "50"])).toBe(2);
    expect(await certifyMain(["--bogus"])).toBe(2);
  } finally {
    process.stderr.write = stderr;
  }
});

test("framing: frame-ancestors decides when present, X-Frame-Options forbids the LMS otherwise", () => {
  expect(framingAllowed({}, LMS, CDN).allowed).toBe(true);
  expect(framingAllowed({ "content-security-policy": `frame-ancestors ${LMS}` }, LMS, CDN).allowed).toBe(
    true,
  );
  expect(framingAllowed({ "content-security-policy": "frame-ancestors 'self'" }, LMS, CDN).allowed).toBe(
    false,
  );
  expect(framingAllowed({ "content-security-policy": "default-src 'self'" }, LMS, CDN).allowed).toBe(true);
  expect(framingAllowed({ "x-frame-options": "DENY" }, LMS, CDN).allowed).toBe(false);
  expect(framingAllowed({ "x-frame-options": "SAMEORIGIN" }, LMS, CDN).allowed).toBe(false);
  expect(
    framingAllowed(
      { "x-frame-options": "DENY", "content-security-policy": `frame-ancestors ${LMS}` },
      LMS,
      CDN,
    ).allowed,
  ).toBe(true);
});

test("the certificate hashes its results and escapes what it shows", () => {
  const results = [
    { id: "tls", title: "TLS", passed: false, evidence: ["GET <script>alert(1)</script> → failed"] },
  ];
  const run = {
    cdnBase: CDN,
    lmsOrigin: LMS,
    packages: [],
    bridgeVersion: "1",
    startedAt: "",
    finishedAt: "",
    host: "h",
    node: "v20",
  };
  const certificate = makeCertificate(run, results);
  expect(certificate.passed).toBe(false);
  expect(certificate.resultsSha256).toBe(createHash("sha256").update(JSON.stringify(results)).digest("hex"));
  const html = certificateHtml(certificate);
  expect(html).not.toContain("<script>");
  expect(html).toContain("&#60;script&#62;");
  expect(makeCertificate(run, []).passed).toBe(false);
});

test("certify's play pieces: package labels, printable names, drive values and SPKI pins", async () => {
  expect(packageLabel(`${CDN}/packages/my%20course/imsmanifest.xml`)).toBe("my course");
  expect(packageLabel(`${CDN}/content/a/b/imsmanifest.xml`)).toBe("/content/a/b");
  expect(printable("sco\u001b[31m\nred")).toBe("sco?[31m?red");
  expect(printable("x".repeat(100), 10)).toBe(`${"x".repeat(10)}…`);
  for (const [version, length] of [
    ["1.2", 3_000],
    ["2004", 16_000],
  ] as const) {
    const a = driveValues(version);
    const b = driveValues(version);
    expect(a.suspendData).toHaveLength(length);
    expect(a.suspendData).toMatch(/^ .* $/s);
    expect(a.location).not.toBe(b.location);
  }
  expect(driveValues("1.2").location.length).toBeLessThanOrEqual(255);
  const ca = await createRunCa(["pin.test"]);
  expect(spkiPinsOfPem(ca.caPem)).toEqual([ca.spkiPin]);
  expect(spkiPinsOfPem(ca.sites.get("pin.test")!.chainPem)).toEqual([expect.any(String), ca.spkiPin]);
  expect(() => spkiPinsOfPem("no certificate here")).toThrow(/no PEM certificate/);
});
