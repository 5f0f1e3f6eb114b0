// P01 URL validation consistency.
// Requirement: for any candidate CDN URL, the verdict (accept, or reject with a specific human-readable reason)
// is the same in every layer that validates it — the activity form in the browser, the LMS server creating the
// activity, and certify's URL check — and it is the right one: accepted iff absolute https:, no user-info, a host
// (IDN normalised, no IP literal, not percent-encoded), no whitespace or control characters, whitelist satisfied,
// reachable within the URL-check timeout, serving a parseable imsmanifest.xml of a supported version, and with the
// bridge frame page on that origin. The expected code comes from harness/oracles/cdn-url-oracle.ts.
// Layers: the form is filled and submitted in Chromium by an editing teacher (its error is read next to the field,
// and the field gives back exactly what was typed); the server through the LMS driver's createCdnActivity; certify
// through its URL check. Candidates never contain CR or LF: a text field cannot carry them (browsers strip them).
// The CDN state (good, frame page missing, outage) is set on the mock CDN before each candidate.
// Observes: the browser (form page), the LMS driver, certify's check, and the CDN profile it sets.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { certifyUrlVerdict } from "../../harness/certify/certify-checks.ts";
import { CdnUrlRefused } from "../../harness/lms-driver/lms-driver.ts";
import { expectedCdnUrlCode } from "../../harness/oracles/cdn-url-oracle.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { SITES } from "../../harness/stack/sites.ts";
import { cdnUrlCaseArbitrary, type CdnUrlCase } from "../generators/cdn-url-arbitrary.ts";

const META = requireProperty("P01");
const URL_CHECK_TIMEOUT_MS = 3_000;
const PACKAGE = "p01-probe";

interface Verdict {
  code: string;
  reason: string;
}

async function formVerdict(page: Page, formUrl: string, raw: string, name: string): Promise<Verdict> {
  await page.goto(formUrl);
  await page.locator("#id_name").fill(name);
  await page.locator("#id_cdnurl").fill(raw);
  await Promise.all([page.waitForLoadState("load"), page.locator("#id_submitbutton").click()]);
  await page.waitForSelector("#esb-created, #id_error_cdnurl", { timeout: 20_000 });
  if (await page.locator("#esb-created").count()) return { code: "ok", reason: "" };
  const error = page.locator("#id_error_cdnurl");
  const field = page.locator("#id_cdnurl");
  expect(await field.getAttribute("aria-describedby"), "the error is tied to the CDN URL field").toBe(
    "id_error_cdnurl",
  );
  expect(await field.inputValue(), "the form gives back exactly what was typed").toBe(raw);
  return { code: (await error.getAttribute("data-code")) ?? "", reason: (await error.textContent()) ?? "" };
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  test.setTimeout(280_000);
  const manifest = await readFile(path.join(PACKAGES_DIR, "probe-scorm12", "imsmanifest.xml"), "utf8");
  const published = new URL(await stack.publishProbePackage(PACKAGE, manifest));
  const cdnPort = Number(published.port);
  const course = await lms.createCourse("P01 course");
  const teacher = await lms.createUser();
  await lms.enrol(teacher, course, "editingteacher");
  const context = await browser.newContext();
  const page = await context.newPage();
  await lms.login(page, teacher);
  const world = {
    cdnDomain: SITES.cdn,
    cdnPort,
    manifests: [`/packages/${PACKAGE}/imsmanifest.xml`],
    otherSites: [SITES.lms, SITES.evil],
  };
  let n = 0;
  const base = published.href;
  const examples: CdnUrlCase[] = [
    { raw: base, whitelist: [], profile: "good" },
    { raw: base.replace("https://", "https://good@"), whitelist: [], profile: "good" },
    { raw: base.replace("https://", "HTTPS://"), whitelist: [SITES.cdn], profile: "good" },
    { raw: base.replace("https:", "http:"), whitelist: [], profile: "good" },
    { raw: base.replace(SITES.cdn, `bücher.${SITES.cdn}`), whitelist: [`*.${SITES.cdn}`], profile: "good" },
    { raw: base.replace(SITES.cdn, "127.0.0.1"), whitelist: [], profile: "good" },
    { raw: base, whitelist: [], profile: "frame-missing" },
  ];

  try {
    await runProperty(
      testInfo,
      META,
      cdnUrlCaseArbitrary({ cdnHost: SITES.cdn, cdnPort, packageName: PACKAGE }),
      async (candidate) => {
        await lms.setBridgeSettings({
          cdnWhitelist: candidate.whitelist,
          urlCheckTimeoutMs: URL_CHECK_TIMEOUT_MS,
        });
        await stack.setCdnProfile({ name: candidate.profile === "outage" ? "outage" : candidate.profile });
        const expected = expectedCdnUrlCode(candidate.raw, candidate.whitelist, {
          ...world,
          profile: candidate.profile,
        });
        const name = `P01 activity ${++n}`;

        const certify = await certifyUrlVerdict(
          candidate.raw,
          { httpGet: stack.httpGet, timeoutMs: URL_CHECK_TIMEOUT_MS },
          candidate.whitelist,
        );
        const certifyVerdict: Verdict = certify.ok ? { code: "ok", reason: "" } : certify;
        const server: Verdict = await lms.createCdnActivity(course, name, candidate.raw).then(
          () => ({ code: "ok", reason: "" }),
          (error: unknown) => {
            if (error instanceof CdnUrlRefused) return { code: error.code, reason: error.reason };
            throw error;
          },
        );
        const form = await formVerdict(page, lms.activityFormUrl(course), candidate.raw, name);

        const why = `candidate ${JSON.stringify(candidate.raw.slice(0, 300))} with whitelist ${JSON.stringify(candidate.whitelist)} and the CDN ${candidate.profile}`;
        expect(
          { code: server.code, reason: server.reason },
          `${why}: the LMS server and certify agree`,
        ).toEqual({
          code: certifyVerdict.code,
          reason: certifyVerdict.reason,
        });
        expect({ code: form.code, reason: form.reason }, `${why}: the form and certify agree`).toEqual({
          code: certifyVerdict.code,
          reason: certifyVerdict.reason,
        });
        expect(certifyVerdict.code, `${why}: the verdict is the right one`).toBe(expected);
        if (expected !== "ok")
          expect(certifyVerdict.reason.length, `${why}: a reason is given`).toBeGreaterThan(10);
      },
      { defaultRuns: 25, examples },
    );
  } finally {
    await context.close();
    await stack.setCdnProfile({ name: "good" });
    await lms.setBridgeSettings({});
  }
});
