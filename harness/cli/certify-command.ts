// `pnpm conformance certify --cdn-base <https URL> [--lms-origin <origin>] [--package <name or URL>]...`:
// checks a vendor's CDN, plays the published packages through the bridge with the embedded LMS, and writes the
// certificate (reports/certify/cdn-certificate.{json,html}).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { HELP_OPTION, valuesOrExit } from "./subcommand-args.ts";
import { DEFAULT_PLAY_TIMEOUT_MS, runCertify } from "../certify/run-certify.ts";
import { createHttpsGet } from "../net/https-get.ts";
import { reportsDir } from "../reporting/reports-dir.ts";

export const CERTIFY_HELP = `Usage: pnpm conformance certify --cdn-base <https URL> [options]

Checks that a CDN serves the bridge frame page and SCORM packages as the bridge needs: TLS, reachability, the
LMS's URL check, manifest parse, content types, framing by the LMS origin, CORS, Range, caching headers, and
the frame page's version and integrity hashes. Then plays every SCO of the packages through the bridge frame
the CDN serves, with an embedded LMS presented to certify's own Chromium as the --lms-origin: the SCO must call
Initialize through the bridge, and a scripted session (location, suspend_data, Commit, Terminate) must land in
the LMS's tables as written ("play:<package>/<sco>" checks). The CDN must let that origin frame the bridge page.
Writes cdn-certificate.json and cdn-certificate.html.

Options:
  --cdn-base <url>     The CDN's https base URL (bridge under /bridge/, packages under /packages/).
  --lms-origin <url>   The LMS origin that will frame the content (default https://lms.test).
  --package <p>        A published package: its name under /packages/ or its imsmanifest.xml URL. Repeatable.
  --timeout-ms <int>   Deadline of each request and of the URL check (default 10000).
  --play-timeout-ms <int>
                       Per SCO: the player opened to the session stored (default 60000).
  --ca <file>          An extra CA certificate (PEM) to trust, for CDNs with a private CA.
  --out <dir>          Where the certificate goes (default reports/certify).
  -h, --help           Show this help.

Exit codes: 0 every check passed; 1 a check failed; 2 bad arguments; 3 the run itself broke.`;

export async function certifyMain(
  argv: string[],
  print: (s: string) => void = (s) => void process.stdout.write(s),
): Promise<number> {
  const values = valuesOrExit(
    () =>
      parseArgs({
        args: argv,
        options: {
          "cdn-base": { type: "string" },
          "lms-origin": { type: "string", default: "https://lms.test" },
          package: { type: "string", multiple: true, default: [] },
          "timeout-ms": { type: "string", default: "10000" },
          "play-timeout-ms": { type: "string", default: String(DEFAULT_PLAY_TIMEOUT_MS) },
          ca: { type: "string" },
          out: { type: "string" },
          help: HELP_OPTION,
        },
        strict: true,
      }).values,
    CERTIFY_HELP,
    print,
  );
  if (typeof values === "number") return values;
  const problems: string[] = [];
  const base = values["cdn-base"] ?? "";
  if (!/^https:\/\/[^/@\s]+/i.test(base)) problems.push("--cdn-base must be an https URL");
  const lmsOrigin = values["lms-origin"];
  if (!/^https:\/\/[^/@\s]+$/i.test(lmsOrigin))
    problems.push("--lms-origin must be an https origin (no path)");
  const timeoutMs = Number(values["timeout-ms"]);
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
    problems.push("--timeout-ms must be an integer between 100 and 120000");
  }
  const playTimeoutMs = Number(values["play-timeout-ms"]);
  if (!Number.isSafeInteger(playTimeoutMs) || playTimeoutMs < 1_000 || playTimeoutMs > 600_000) {
    problems.push("--play-timeout-ms must be an integer between 1000 and 600000");
  }
  if (values.package.length === 0) problems.push("name at least one --package");
  if (problems.length > 0) {
    process.stderr.write(`${problems.join("\n")}\n\n${CERTIFY_HELP}\n`);
    return 2;
  }
  const caPem = values.ca ? await readFile(values.ca, "utf8") : undefined;
  const { certificate, files } = await runCertify({
    cdnBase: base,
    lmsOrigin,
    packages: values.package,
    httpGet: createHttpsGet({ caPem }),
    caPem,
    timeoutMs,
    play: { timeoutMs: playTimeoutMs },
    outDir: path.resolve(values.out ?? path.join(reportsDir(), "certify")),
    onProgress: (line) => print(`${line}\n`),
  });
  print(
    `\n${certificate.passed ? "CERTIFIED" : "NOT CERTIFIED"}: ${certificate.results.filter((r) => r.passed).length}/${certificate.results.length} checks passed\n` +
      `${certificate.results
        .filter((r) => !r.passed)
        .map((r) => `  failed: ${r.id}\n`)
        .join("")}` +
      `Certificate: ${files.json}\n             ${files.html}\n`,
  );
  return certificate.passed ? 0 : 1;
}
