// What one `certify` run checks: the CDN's base URL, the LMS origin that will frame it, the packages, the bridge
// frame artefact it must serve, and the HTTPS client to reach it with.
import type { FrameManifest } from "../bridges/frame-artefact.ts";
import type { HttpAnswer, HttpGet } from "../net/https-get.ts";

export interface CertifyContext {
  /** https://cdn.example.com (no trailing slash): the bridge lives under /bridge/, packages under /packages/. */
  cdnBase: string;
  lmsOrigin: string;
  /** imsmanifest.xml URLs of the published packages to check. */
  packages: string[];
  /** The frame artefact the suite built (version and hashes the CDN must serve). */
  expectedFrame: FrameManifest;
  httpGet: HttpGet;
  /** Each request's deadline, and the URL check's. */
  timeoutMs: number;
}

export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** What was requested and seen, one line each. */
  evidence: string[];
}

export const frameUrl = (ctx: CertifyContext, file = "frame.html"): string => `${ctx.cdnBase}/bridge/${file}`;

/** One request, as evidence: the answer, or the failure as text. */
export async function request(
  ctx: CertifyContext,
  url: string,
  headers?: Record<string, string>,
): Promise<{ answer: HttpAnswer | null; line: string; failure?: string; failureKind?: string }> {
  try {
    const answer = await ctx.httpGet(url, { timeoutMs: ctx.timeoutMs, headers });
    const shown = [
      "content-type",
      "cache-control",
      "location",
      "content-range",
      "access-control-allow-origin",
    ]
      .filter((h) => answer.headers[h] !== undefined)
      .map((h) => `${h}: ${answer.headers[h]}`)
      .join("; ");
    return {
      answer,
      line: `GET ${url}${headers?.range ? ` (Range ${headers.range})` : ""} → ${answer.status}${shown ? ` (${shown})` : ""}`,
    };
  } catch (error) {
    const failure = (error as Error).message;
    return {
      answer: null,
      line: `GET ${url} → failed: ${failure}`,
      failure,
      failureKind: (error as { kind?: string }).kind,
    };
  }
}
