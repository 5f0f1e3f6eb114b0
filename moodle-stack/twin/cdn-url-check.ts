// The CDN URL verdict, the single source for every layer (the activity form, the LMS when it creates an
// activity, `certify`): the syntax rules, then, within one deadline, the manifest fetched and parsed and the bridge
// frame page present on the same origin.
import type { HttpAnswer, HttpGet } from "../../harness/net/https-get.ts";
import { parseManifest, type ParsedManifest } from "../../harness/packages/manifest.ts";
import { checkCdnUrlSyntax, reject, type CdnUrlVerdict } from "./cdn-url-syntax.ts";

export interface CdnUrlCheckOptions {
  whitelist: readonly string[];
  /** The whole check (both requests) must finish within this many ms. */
  timeoutMs: number;
  /** Path of the bridge frame page on the content's origin. */
  framePath: string;
  httpGet: HttpGet;
}

export interface CdnUrlAccepted {
  ok: true;
  url: string;
  version: string;
  manifestXml: string;
  manifest: ParsedManifest;
}

export type CdnUrlCheck = CdnUrlAccepted | Extract<CdnUrlVerdict, { ok: false }>;

const FAILURE_CODES = { dns: "dns", tls: "tls", timeout: "timeout", connection: "unreachable" } as const;

async function fetchWithin(
  url: string,
  what: string,
  deadline: number,
  options: CdnUrlCheckOptions,
): Promise<HttpAnswer | CdnUrlCheck> {
  const left = deadline - Date.now();
  if (left <= 0)
    return reject("timeout", `The ${what} did not answer within ${options.timeoutMs} ms.`) as CdnUrlCheck;
  try {
    return await options.httpGet(url, { timeoutMs: left });
  } catch (error) {
    const kind = (error as { kind?: keyof typeof FAILURE_CODES }).kind;
    const code = (kind && FAILURE_CODES[kind]) ?? "unreachable";
    const reasons = {
      dns: `The CDN host could not be found (DNS) when fetching the ${what}.`,
      tls: `The CDN's TLS certificate is not valid (expired, or for another name) for the ${what}.`,
      timeout: `The ${what} did not answer within ${options.timeoutMs} ms.`,
      unreachable: `The CDN could not be reached when fetching the ${what}.`,
    };
    return reject(code, reasons[code]) as CdnUrlCheck;
  }
}

const isAnswer = (x: HttpAnswer | CdnUrlCheck): x is HttpAnswer => "status" in x;

function statusProblem(answer: HttpAnswer, what: string): CdnUrlCheck | null {
  if (answer.status >= 300 && answer.status < 400) {
    const to = answer.headers.location ?? "";
    const insecure = /^http:/i.test(to) ? " to an insecure http: address" : "";
    return reject("redirect", `The ${what} redirects${insecure}; give the final https: URL.`) as CdnUrlCheck;
  }
  if (answer.status !== 200) {
    return reject("http-status", `The ${what} answered HTTP ${answer.status} instead of 200.`) as CdnUrlCheck;
  }
  return null;
}

export async function checkCdnUrl(raw: string, options: CdnUrlCheckOptions): Promise<CdnUrlCheck> {
  const syntax = checkCdnUrlSyntax(raw, options.whitelist);
  if (!syntax.ok) return syntax;
  const deadline = Date.now() + options.timeoutMs;
  const manifestAnswer = await fetchWithin(syntax.url, "manifest", deadline, options);
  if (!isAnswer(manifestAnswer)) return manifestAnswer;
  const manifestStatus = statusProblem(manifestAnswer, "manifest");
  if (manifestStatus) return manifestStatus;
  const manifestXml = manifestAnswer.body.toString("utf8");
  let manifest: ParsedManifest;
  try {
    manifest = parseManifest(manifestXml);
  } catch (error) {
    // ManifestError or the XML reader's own error: either way the manifest cannot be used.
    const code =
      (error as { code?: string }).code === "unknown-version" ? "manifest-version" : "manifest-parse";
    const detail = (error as Error).message.replace(/\.$/, "");
    return reject(
      code,
      code === "manifest-version"
        ? `The manifest does not declare a supported SCORM version (1.2 or 2004): ${detail}.`
        : `The imsmanifest.xml cannot be used: ${detail}.`,
    ) as CdnUrlCheck;
  }
  const frameUrl = new URL(options.framePath, new URL(syntax.url).origin).href;
  const frameAnswer = await fetchWithin(frameUrl, "bridge frame page", deadline, options);
  if (!isAnswer(frameAnswer)) return frameAnswer;
  if (frameAnswer.status !== 200) {
    return reject(
      "frame-missing",
      `The bridge frame page ${options.framePath} is not on ${new URL(frameUrl).origin} (HTTP ${frameAnswer.status}); deploy it there first.`,
    ) as CdnUrlCheck;
  }
  return { ok: true, url: syntax.url, version: manifest.version, manifestXml, manifest };
}

/** The verdict without the fetched manifest: what every layer reports. */
export function verdictOf(check: CdnUrlCheck): CdnUrlVerdict {
  return check.ok ? { ok: true, url: check.url, version: check.version } : check;
}
