// The certificate `certify` writes: JSON (suite version, run information, one result per check with its evidence,
// and a SHA-256 over the results) and the same as an HTML page, every value escaped.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import type { CheckResult } from "./certify-context.ts";

export interface Certificate {
  suite: string;
  suiteVersion: string;
  run: {
    cdnBase: string;
    lmsOrigin: string;
    packages: string[];
    bridgeVersion: string;
    startedAt: string;
    finishedAt: string;
    host: string;
    node: string;
  };
  passed: boolean;
  results: CheckResult[];
  /** hex SHA-256 of JSON.stringify(results). */
  resultsSha256: string;
}

export function suiteVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "0.0.0";
}

export function makeCertificate(run: Certificate["run"], results: CheckResult[]): Certificate {
  return {
    suite: "scorm-bridge-conformance certify",
    suiteVersion: suiteVersion(),
    run,
    passed: results.length > 0 && results.every((r) => r.passed),
    results,
    resultsSha256: createHash("sha256").update(JSON.stringify(results)).digest("hex"),
  };
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function certificateHtml(c: Certificate): string {
  const rows = c.results
    .map(
      (r) =>
        `<tr class="${r.passed ? "pass" : "fail"}"><td>${esc(r.id)}</td><td>${esc(r.title)}</td><td>${r.passed ? "passed" : "FAILED"}</td><td><ul>${r.evidence
          .map((e) => `<li>${esc(e)}</li>`)
          .join("")}</ul></td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CDN certificate: ${esc(c.run.cdnBase)}</title>
<style>body{font-family:sans-serif}td{vertical-align:top;border-top:1px solid #ccc;padding:.3em}.fail td:nth-child(3){color:#a00;font-weight:bold}</style></head>
<body><h1>CDN certificate for ${esc(c.run.cdnBase)}: ${c.passed ? "PASSED" : "FAILED"}</h1>
<p>${esc(c.suite)} ${esc(c.suiteVersion)}, bridge frame ${esc(c.run.bridgeVersion)}, LMS origin ${esc(c.run.lmsOrigin)}; ${esc(c.run.startedAt)} to ${esc(c.run.finishedAt)} on ${esc(c.run.host)} (Node ${esc(c.run.node)}).</p>
<table><thead><tr><th>check</th><th>what</th><th>result</th><th>evidence</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>SHA-256 over the results: <code>${esc(c.resultsSha256)}</code></p></body></html>
`;
}

export async function writeCertificate(c: Certificate, dir: string): Promise<{ json: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const json = path.join(dir, "cdn-certificate.json");
  const html = path.join(dir, "cdn-certificate.html");
  await writeFile(json, `${JSON.stringify(c, null, 2)}\n`);
  await writeFile(html, certificateHtml(c));
  return { json, html };
}

export const runHost = (): string => os.hostname();
