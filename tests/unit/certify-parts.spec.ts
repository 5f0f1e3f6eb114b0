// certify's pieces that need no CDN: its arguments, the framing rule, and the certificate's hash and escaping.
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { certificateHtml, makeCertificate } from "../../harness/certify/certificate.ts";
import { framingAllowed } from "../../harness/certify/framing-policy.ts";
import { certifyMain } from "../../harness/cli/certify-command.ts";

const LMS = "https://lms.example";
const CDN = "https://cdn.example";

test("certify refuses bad arguments with exit code 2 and prints its help", async () => {
  let printed = "";
  expect(await certifyMain(["--help"], (s) => (printed += s))).toBe(0);
  expect(printed).toContain("--cdn-base");
  const stderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    expect(await certifyMain(["--cdn-base", "http://cdn.example", "--package", "p"])).toBe(2);
    expect(await certifyMain(["--cdn-base", "https://cdn.example"])).toBe(2);
    expect(await certifyMain(["--cdn-base", CDN, "--package", "p", "--lms-origin", `${LMS}/path`])).toBe(2);
    expect(await certifyMain(["--cdn-base", CDN, "--package", "p", "--timeout-ms", "5"])).toBe(2);
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
