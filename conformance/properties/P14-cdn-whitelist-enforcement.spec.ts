// P14 CDN whitelist enforcement.
// Requirement: with a whitelist configured, content is framed iff its host matches an entry (exact, or *.domain on
// a label boundary; case-insensitive; IDN and trailing dot normalised) and no spelling trick bypasses it; at launch
// the bridge refuses a frame origin off the whitelist even if the stored activity was tampered with (and even if
// the LMS's launch answer names it); narrowing the whitelist takes effect at the next launch.
// Observes: the player page in the browser (frames, the learner's message), the CDN request log, and the LMS
// driver for settings; the expected verdict comes from harness/oracles/cdn-whitelist-oracle.ts. The content is
// served from a subdomain (eu.cdn.test) so that wildcard entries can match it. Consecutive runs change the
// whitelist between launches of the same activity, so every run also checks that a change (narrowing or
// widening) holds from the next launch on.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext } from "@playwright/test";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnActivity, LmsDriver, LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { hostAllowed } from "../../harness/oracles/cdn-whitelist-oracle.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import type { EmbeddedStack } from "../../harness/stack/embedded-stack.ts";
import { whitelistCaseArbitrary } from "../generators/whitelist-arbitrary.ts";

const META = requireProperty("P14");

interface Launch {
  framedOrigins: string[];
  message: string;
  frameRequests: number;
}

/** Opens the player and waits until the SCO runs or the learner is told why not. */
async function launch(
  browser: Browser,
  stack: EmbeddedStack,
  lms: LmsDriver,
  activity: CdnActivity,
  user: LmsUser,
  contentOrigin: string,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Launch> {
  const before = stack.cdnLog.entries.length;
  // Only the run that rewrites the LMS's answers needs it: route.fetch resolves names outside the browser and
  // reaches the LMS at 127.0.0.1, whose certificate names lms.test.
  const context = await browser.newContext({ ignoreHTTPSErrors: prepare !== undefined });
  try {
    await prepare?.(context);
    const page = await context.newPage();
    await lms.login(page, user);
    await page.goto(lms.playerUrl(activity, activity.scoes[0]!.id));
    const message = page.locator("#esb-message");
    await Promise.race([
      waitForProbe(page, contentOrigin, 15_000).catch(() => undefined),
      expect(message)
        .toContainText(/\S/, { timeout: 15_000 })
        .catch(() => undefined),
    ]);
    return {
      framedOrigins: page
        .frames()
        .slice(1)
        .map((f) => (f.url().startsWith("https:") ? new URL(f.url()).origin : f.url())),
      message: (await message.textContent().catch(() => "")) ?? "",
      frameRequests: stack.cdnLog.entries.slice(before).filter((e) => e.url.startsWith("/bridge/")).length,
    };
  } finally {
    await context.close();
  }
}

function expectRefused(outcome: Launch, origin: string, why: string) {
  expect(outcome.framedOrigins, `${why}: nothing from ${origin} is framed`).not.toContain(origin);
  expect(outcome.message, `${why}: the learner is told`).toMatch(/whitelist/i);
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  test.setTimeout(240_000);
  const manifest = await readFile(path.join(PACKAGES_DIR, "probe-scorm2004-4th", "imsmanifest.xml"), "utf8");
  const published = new URL(await stack.publishProbePackage("p14-probe", manifest));
  published.hostname = `eu.${published.hostname}`;
  const contentOrigin = published.origin;
  const host = published.hostname;
  const course = await lms.createCourse("P14 course");
  const activity = await lms.createCdnActivity(course, "P14 probe", published.href);
  const user = await lms.createUser();
  await lms.enrol(user, course);

  // Created once: its stored URL is rewritten to evil.test behind the plugin's back.
  const tampered = await lms.createCdnActivity(course, "P14 tampered", published.href);
  await lms.tamperCdnUrl(tampered, `${stack.origins.evil}/packages/p14-probe/imsmanifest.xml`);
  /** The LMS page's requests to the plugin get answers naming evil.test instead of the real CDN. */
  const lyingLms = async (context: BrowserContext) => {
    await context.route(
      (url) => url.pathname.endsWith("/lib/ajax/service.php"),
      async (route) => {
        const url = new URL(route.request().url());
        url.hostname = "127.0.0.1";
        const response = await route.fetch({ url: url.href });
        const text = (await response.text()).split(contentOrigin).join(stack.origins.evil);
        await route.fulfill({ response, body: text });
      },
    );
  };

  try {
    await runProperty(
      testInfo,
      META,
      whitelistCaseArbitrary(host),
      async ({ whitelist, attack }) => {
        if (attack !== "none") {
          // The real CDN is allowed; the attack's origin (evil.test) is on no list the generator writes.
          await lms.setBridgeSettings({ cdnWhitelist: [...new Set([...whitelist, host])] });
          const outcome =
            attack === "tampered-activity"
              ? await launch(browser, stack, lms, tampered, user, stack.origins.evil)
              : await launch(browser, stack, lms, activity, user, stack.origins.evil, lyingLms);
          expectRefused(outcome, stack.origins.evil, `${attack} with whitelist ${JSON.stringify(whitelist)}`);
          return;
        }
        await lms.setBridgeSettings({ cdnWhitelist: whitelist });
        const allowed = hostAllowed(host, whitelist);
        const outcome = await launch(browser, stack, lms, activity, user, contentOrigin);
        const why = `whitelist ${JSON.stringify(whitelist)} and content on ${host}`;
        if (allowed) expect(outcome.framedOrigins, `${why}: the SCO runs`).toContain(contentOrigin);
        else {
          expectRefused(outcome, contentOrigin, why);
          expect(outcome.frameRequests, `${why}: the bridge frame page is never requested`).toBe(0);
        }
      },
      {
        defaultRuns: 10,
        examples: [
          { whitelist: [], attack: "none" },
          { whitelist: [`*.${host.slice(host.indexOf(".") + 2)}`], attack: "none" },
          { whitelist: [host.toUpperCase()], attack: "none" },
          { whitelist: [`*.${host}`], attack: "none" },
          { whitelist: [host], attack: "tampered-activity" },
          { whitelist: [host], attack: "lying-launch" },
        ],
      },
    );
  } finally {
    await lms.setBridgeSettings({});
  }
});
