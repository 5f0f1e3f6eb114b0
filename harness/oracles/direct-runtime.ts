// The transparency oracle: scorm-again itself (the same package and version the project depends on), run
// directly in a page with the probe SCO in a same-origin iframe, as a SCO on a native LMS would see it. The
// runtime is configured offline (no commit URL, no autocommit), as a runtime behind any bridge must be.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { PACKAGES_DIR } from "../packages/package-files.ts";
import { waitForProbe, type ProbeHandle } from "../probe/probe-client.ts";

export const DIRECT_ORIGIN = "https://direct-runtime.test";

const require = createRequire(import.meta.url);
const RUNTIMES = {
  "1.2": { file: "scorm-again/scorm12", ctor: "Scorm12API", global: "API" },
  "2004": { file: "scorm-again/scorm2004", ctor: "Scorm2004API", global: "API_1484_11" },
} as const;

function hostPage(version: "1.2" | "2004"): string {
  const r = RUNTIMES[version];
  return `<!doctype html><meta charset="utf-8"><title>direct ${version}</title>
<script src="/runtime.js"></script>
<script>window.${r.global} = new ${r.ctor}({ lmsCommitUrl: false, autocommit: false, logLevel: 5 });</script>
<iframe src="/packages/probe/sco.html"></iframe>`;
}

/** Opens a page of `context` running scorm-again directly; its probe runs calls like the bridged one. */
export async function openDirectRuntime(
  context: BrowserContext,
  version: "1.2" | "2004",
): Promise<ProbeHandle> {
  const runtime = readFileSync(require.resolve(RUNTIMES[version].file), "utf8");
  const probeDir = path.join(PACKAGES_DIR, "_shared", "probe");
  await context.route(`${DIRECT_ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === "/") return route.fulfill({ contentType: "text/html", body: hostPage(version) });
    if (pathname === "/runtime.js") return route.fulfill({ contentType: "text/javascript", body: runtime });
    const file = /^\/packages\/probe\/(sco\.html|probe\.js)$/.exec(pathname)?.[1];
    if (file) return route.fulfill({ path: path.join(probeDir, file) });
    return route.fulfill({ status: 404, body: "" });
  });
  const page = await context.newPage();
  await page.goto(`${DIRECT_ORIGIN}/`);
  return waitForProbe(page, DIRECT_ORIGIN, undefined, false);
}
