// The checks `certify` runs against a CDN, in order. Each returns its verdict with the evidence it saw.
import {
  FRAME_FILES,
  FRAME_MANIFEST_FILE,
  frameVersionOf,
  sha256Integrity,
  type FrameManifest,
} from "../bridges/frame-artefact.ts";
import { parseManifest } from "../packages/manifest.ts";
import { checkCdnUrl, verdictOf } from "../../moodle-stack/twin/cdn-url-check.ts";
import type { CdnUrlVerdict } from "../../moodle-stack/twin/cdn-url-syntax.ts";
import { frameUrl, request, type CertifyContext, type CheckResult } from "./certify-context.ts";
import { framingAllowed } from "./framing-policy.ts";

export interface CertifyCheck {
  id: string;
  title: string;
  run(ctx: CertifyContext): Promise<{ passed: boolean; evidence: string[] }>;
}

/** certify's URL check: the same verdict the LMS's activity form gives (no whitelist: the vendor's own CDN). */
export async function certifyUrlVerdict(
  url: string,
  ctx: Pick<CertifyContext, "httpGet" | "timeoutMs">,
  whitelist: readonly string[] = [],
): Promise<CdnUrlVerdict> {
  return verdictOf(
    await checkCdnUrl(url, {
      whitelist,
      timeoutMs: ctx.timeoutMs,
      framePath: "/bridge/frame.html",
      httpGet: ctx.httpGet,
    }),
  );
}

/** The launch file of a package's first SCO, as a URL on the CDN. */
async function launchUrls(ctx: CertifyContext): Promise<string[]> {
  const out: string[] = [];
  for (const manifestUrl of ctx.packages) {
    const { answer } = await request(ctx, manifestUrl);
    if (!answer || answer.status !== 200) continue;
    try {
      const launch = parseManifest(answer.body.toString("utf8")).items.find((i) => i.launch)?.launch;
      if (launch) out.push(new URL(launch, manifestUrl).href);
    } catch {
      // manifest-parse reports it.
    }
  }
  return out;
}

const TYPES: Array<[RegExp, RegExp, string]> = [
  [/\/imsmanifest\.xml$/, /^(application|text)\/xml\b/i, "application/xml or text/xml"],
  [/\.html?$/, /^text\/html\b/i, "text/html"],
  [/\.js$/, /^(text|application)\/javascript\b/i, "text/javascript"],
  [/\.json$/, /^application\/json\b/i, "application/json"],
];

export const CERTIFY_CHECKS: readonly CertifyCheck[] = [
  {
    id: "tls",
    title: "TLS: the CDN presents a valid certificate for its name",
    async run(ctx) {
      const r = await request(ctx, frameUrl(ctx));
      return { passed: r.answer !== null, evidence: [r.line] };
    },
  },
  {
    id: "reachability",
    title: "Reachability: frame page and manifests answer 200 over https, every time, within the timeout",
    async run(ctx) {
      const evidence: string[] = [];
      let passed = true;
      for (const url of [frameUrl(ctx), ...ctx.packages]) {
        for (let i = 0; i < 3; i++) {
          const r = await request(ctx, url);
          evidence.push(r.line);
          if (r.answer?.status !== 200) passed = false;
        }
      }
      return { passed, evidence };
    },
  },
  {
    id: "url-check",
    title: "URL check: every package URL passes the LMS activity form's validation",
    async run(ctx) {
      const evidence: string[] = [];
      let passed = true;
      for (const url of ctx.packages) {
        const v = await certifyUrlVerdict(url, ctx);
        evidence.push(
          v.ok ? `${url}: accepted (SCORM ${v.version})` : `${url}: refused (${v.code}) ${v.reason}`,
        );
        passed &&= v.ok;
      }
      return { passed, evidence };
    },
  },
  {
    id: "manifest-parse",
    title: "Manifest: every imsmanifest.xml parses, with a supported SCORM version",
    async run(ctx) {
      const evidence: string[] = [];
      let passed = ctx.packages.length > 0;
      for (const url of ctx.packages) {
        const r = await request(ctx, url);
        if (r.answer?.status !== 200) {
          evidence.push(r.line);
          passed = false;
          continue;
        }
        try {
          const m = parseManifest(r.answer.body.toString("utf8"));
          evidence.push(
            `${url}: SCORM ${m.version}, ${m.items.filter((i) => i.launch).length} launchable item(s)`,
          );
        } catch (error) {
          evidence.push(`${url}: ${(error as Error).message}`);
          passed = false;
        }
      }
      return { passed, evidence };
    },
  },
  {
    id: "content-types",
    title: "Content types: manifests, pages, scripts and JSON are served with their types",
    async run(ctx) {
      const urls = [
        ...ctx.packages,
        ...(await launchUrls(ctx)),
        ...FRAME_FILES.filter((f) => ctx.expectedFrame.files[f] !== undefined).map((f) => frameUrl(ctx, f)),
      ];
      const evidence: string[] = [];
      let passed = true;
      for (const url of urls) {
        const rule = TYPES.find(([path]) => path.test(new URL(url).pathname));
        const r = await request(ctx, url);
        const type = r.answer?.headers["content-type"] ?? "";
        const ok = !rule || (r.answer?.status === 200 && rule[1].test(type));
        evidence.push(`${r.line}${ok ? "" : ` — expected ${rule?.[2] ?? "a type"}`}`);
        passed &&= ok;
      }
      return { passed, evidence };
    },
  },
  {
    id: "framing",
    title: "Framing: the LMS origin may frame the bridge page and the content",
    async run(ctx) {
      const evidence: string[] = [];
      let passed = true;
      const cdnOrigin = new URL(ctx.cdnBase).origin;
      for (const url of [frameUrl(ctx), ...(await launchUrls(ctx))]) {
        const r = await request(ctx, url);
        if (!r.answer) {
          evidence.push(r.line);
          passed = false;
          continue;
        }
        const verdict = framingAllowed(r.answer.headers, ctx.lmsOrigin, cdnOrigin);
        evidence.push(
          `${url}: ${verdict.allowed ? "may" : "may not"} be framed by ${ctx.lmsOrigin} (${verdict.why})`,
        );
        passed &&= verdict.allowed;
      }
      return { passed, evidence };
    },
  },
  {
    id: "cors",
    title: "CORS: the LMS origin may read the frame manifest and the package manifests",
    async run(ctx) {
      const evidence: string[] = [];
      let passed = true;
      for (const url of [frameUrl(ctx, FRAME_MANIFEST_FILE), ...ctx.packages]) {
        const r = await request(ctx, url, { origin: ctx.lmsOrigin });
        const allow = r.answer?.headers["access-control-allow-origin"];
        const ok = allow === "*" || allow === ctx.lmsOrigin;
        evidence.push(`${r.line}${ok ? "" : ` — no Access-Control-Allow-Origin for ${ctx.lmsOrigin}`}`);
        passed &&= ok;
      }
      return { passed, evidence };
    },
  },
  {
    id: "range",
    title: "Range: content files answer byte ranges (media seeking)",
    async run(ctx) {
      const urls = await launchUrls(ctx);
      const evidence: string[] = [];
      let passed = urls.length > 0;
      for (const url of urls) {
        const r = await request(ctx, url, { range: "bytes=0-0" });
        const ok = r.answer?.status === 206 && /^bytes 0-0\//.test(r.answer.headers["content-range"] ?? "");
        evidence.push(`${r.line}${ok ? "" : " — expected 206 with Content-Range: bytes 0-0/…"}`);
        passed &&= ok;
      }
      if (urls.length === 0) evidence.push("no launch file found to request");
      return { passed, evidence };
    },
  },
  {
    id: "caching",
    title: "Caching: the frame page revalidates (no-cache or max-age ≤ 300), content has Cache-Control",
    async run(ctx) {
      const evidence: string[] = [];
      const page = await request(ctx, frameUrl(ctx));
      const pageCc = page.answer?.headers["cache-control"] ?? "";
      const maxAge = /max-age=(\d+)/.exec(pageCc);
      let passed = /no-cache|no-store/.test(pageCc) || (maxAge !== null && Number(maxAge[1]) <= 300);
      evidence.push(
        `${page.line}${passed ? "" : " — the frame page must revalidate so a new bridge version reaches learners"}`,
      );
      for (const url of ctx.packages) {
        const r = await request(ctx, url);
        const ok = /max-age=\d+|no-cache|immutable/.test(r.answer?.headers["cache-control"] ?? "");
        evidence.push(`${r.line}${ok ? "" : " — no Cache-Control"}`);
        passed &&= ok;
      }
      return { passed, evidence };
    },
  },
  {
    id: "frame-version",
    title: "Bridge frame page: present, of the expected version, every file matching its integrity hash",
    async run(ctx) {
      const evidence: string[] = [];
      const expected = ctx.expectedFrame;
      const m = await request(ctx, frameUrl(ctx, FRAME_MANIFEST_FILE));
      let passed = m.answer?.status === 200;
      evidence.push(m.line);
      if (m.answer?.status === 200) {
        let served: Partial<FrameManifest> = {};
        try {
          served = JSON.parse(m.answer.body.toString("utf8")) as FrameManifest;
        } catch {
          evidence.push("frame-manifest.json is not JSON");
        }
        const ok = served.version === expected.version;
        evidence.push(`frame-manifest.json version ${String(served.version)}, expected ${expected.version}`);
        passed &&= ok;
      }
      for (const file of FRAME_FILES.filter((f) => expected.files[f] !== undefined)) {
        const r = await request(ctx, frameUrl(ctx, file));
        if (r.answer?.status !== 200) {
          evidence.push(r.line);
          passed = false;
          continue;
        }
        const hash = sha256Integrity(r.answer.body);
        const ok = hash === expected.files[file];
        evidence.push(`${file}: ${hash}${ok ? "" : `, expected ${expected.files[file] ?? "-"}`}`);
        passed &&= ok;
        if (file === "frame.html") {
          const version = frameVersionOf(r.answer.body.toString("utf8"));
          evidence.push(`frame.html declares version ${String(version)}`);
          passed &&= version === expected.version;
        }
      }
      return { passed, evidence };
    },
  },
];

export async function runChecks(
  ctx: CertifyContext,
  onProgress: (line: string) => void = () => undefined,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const [i, check] of CERTIFY_CHECKS.entries()) {
    onProgress(`[${i + 1}/${CERTIFY_CHECKS.length}] ${check.title} …`);
    const { passed, evidence } = await check.run(ctx);
    onProgress(`[${i + 1}/${CERTIFY_CHECKS.length}] ${check.id}: ${passed ? "passed" : "FAILED"}`);
    results.push({ id: check.id, title: check.title, passed, evidence });
  }
  return results;
}
