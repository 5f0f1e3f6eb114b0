// P16 URL unavailability handling.
// Requirement: when the CDN fails (TLS, 404, 5xx, slow, down) while the activity is configured, when the learner
// launches, or mid-session, the user sees a clear message with a retry control; once the CDN recovers, retrying
// works, resumes the same attempt, and no tracking is lost.
// - configuration: the activity form (Chromium, an editing teacher) shows the refusal next to the CDN URL field
//   naming what failed, keeps the URL and its submit button; after recovery, submitting again creates the activity.
// - launch: the player shows a message naming the content server and a "Try again" button (#esb-retry); after
//   recovery, the button brings the SCO up in the same attempt, and a value it commits is stored.
// - mid-session: the SCO commits a value, sets another without committing, then the CDN fails and the bridge frame
//   reloads (as a SCO page change would): the message and button appear; after recovery the button brings the SCO
//   back in the same attempt, it reads both values back, and both are stored once.
// Not covered: a DNS failure that recovers (the sites' names are fixed for the browser's run), and TLS failures
// in the browser (the run CA is trusted by SPKI pin, which also waives name and expiry errors); the URL check sees
// those (P01, certify).
// Observes: the browser (form, player page, probe SCO), the LMS driver (launches, tracks), the mock CDN profile.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnProfile } from "../../harness/cdn/cdn-profiles.ts";
import type { CdnActivity } from "../../harness/lms-driver/lms-driver.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { cdnFailureCaseArbitrary, type CdnFailureCase } from "../generators/cdn-failure-arbitrary.ts";

const META = requireProperty("P16");
const HANDSHAKE_TIMEOUT_MS = 2_000;
const URL_CHECK_TIMEOUT_MS = 1_500;
const PACKAGE = "p16-probe";

/** What the form should name for each failure (its error code). */
function expectedFormCode(failure: CdnProfile): string {
  switch (failure.name) {
    case "status":
      return "http-status";
    case "slow":
      return "timeout";
    case "outage":
      return "unreachable";
    default:
      return "tls";
  }
}

async function retryControl(page: Page): Promise<{ text: string; hasRetry: boolean }> {
  const message = page.locator("#esb-message");
  await expect(message, "the learner is told").toContainText(/\S/, { timeout: HANDSHAKE_TIMEOUT_MS + 8_000 });
  return {
    text: ((await message.textContent()) ?? "").trim(),
    hasRetry: (await page.locator("#esb-message #esb-retry").count()) === 1,
  };
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  test.setTimeout(280_000);
  const manifest = await readFile(path.join(PACKAGES_DIR, "probe-scorm2004-4th", "imsmanifest.xml"), "utf8");
  const manifestUrl = await stack.publishProbePackage(PACKAGE, manifest);
  const course = await lms.createCourse("P16 course");
  const teacher = await lms.createUser();
  await lms.enrol(teacher, course, "editingteacher");
  let n = 0;

  const configuration = async (failure: CdnProfile): Promise<void> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await lms.login(page, teacher);
      await page.goto(lms.activityFormUrl(course));
      await page.locator("#id_name").fill(`P16 form ${++n}`);
      await page.locator("#id_cdnurl").fill(manifestUrl);
      await stack.setCdnProfile(failure);
      await page.locator("#id_submitbutton").click();
      const error = page.locator("#id_error_cdnurl");
      await expect(error, "the refusal is next to the field").toBeVisible({ timeout: 15_000 });
      expect(await error.getAttribute("data-code"), "it names what failed").toBe(expectedFormCode(failure));
      expect(((await error.textContent()) ?? "").length, "with a readable reason").toBeGreaterThan(20);
      expect(await page.locator("#id_cdnurl").inputValue(), "the URL is kept").toBe(manifestUrl);
      await stack.setCdnProfile({ name: "good" });
      await page.locator("#id_submitbutton").click();
      await expect(page.locator("#esb-created"), "submitting again after recovery works").toBeVisible({
        timeout: 15_000,
      });
    } finally {
      await context.close();
    }
  };

  const playerRun = async (c: CdnFailureCase): Promise<void> => {
    const activity: CdnActivity = await lms.createCdnActivity(course, `P16 activity ${++n}`, manifestUrl);
    const learner = await lms.createUser();
    await lms.enrol(learner, course);
    const context = await browser.newContext();
    const cdnOrigin = stack.origins.cdn;
    try {
      const page = await context.newPage();
      await lms.login(page, learner);
      if (c.phase === "launch") await stack.setCdnProfile(c.failure);
      await page.goto(lms.playerUrl(activity, activity.scoes[0]!.id));
      let expected = new Map<string, string>();
      if (c.phase === "mid-session") {
        const probe = await waitForProbe(page, cdnOrigin);
        await probe.run([
          ["Initialize", ""],
          ["SetValue", "cmi.location", "committed-before"],
          // A suspended session: SCORM 2004 hands the values back at the next launch only after a suspend.
          ["SetValue", "cmi.exit", "suspend"],
          ["Commit", ""],
          ["SetValue", "cmi.suspend_data", "set-before-not-committed"],
        ]);
        expected = new Map([
          ["cmi.location", "committed-before"],
          ["cmi.suspend_data", "set-before-not-committed"],
        ]);
        await stack.setCdnProfile(c.failure);
        const bridge = page.frames().find((f) => f.url().startsWith(`${cdnOrigin}/bridge/frame.html`));
        await bridge?.evaluate(() => location.reload());
      }
      const shown = await retryControl(page);
      expect(shown.hasRetry, `the learner gets a retry control (message: ${shown.text})`).toBe(true);
      expect(shown.text, "the message says the content could not load").toMatch(/content server|could not/i);
      const launchesBefore = await lms.launches(activity, learner);

      await stack.setCdnProfile({ name: "good" });
      await page.locator("#esb-retry").click();
      const probe = await waitForProbe(page, cdnOrigin, 20_000);
      const results = await probe.run([
        ["Initialize", ""],
        ["GetValue", "cmi.location"],
        ["GetValue", "cmi.suspend_data"],
        ["SetValue", "cmi.score.raw", "42"],
        ["Commit", ""],
      ]);
      if (c.phase === "mid-session") {
        expect(results[1]?.ret, "the committed value is back after the retry").toBe("committed-before");
        expect(results[2]?.ret, "the uncommitted value was not lost").toBe("set-before-not-committed");
      }
      expected.set("cmi.score.raw", "42");
      const launches = await lms.launches(activity, learner);
      const attempts = new Set(launches.map((l) => l.attempt));
      expect([...attempts], "every launch, before and after the retry, is in the same attempt").toEqual([
        launchesBefore[0]?.attempt ?? launches[0]?.attempt,
      ]);
      const stored = await eventually(
        () => lms.tracks(activity, learner),
        (rows) => [...expected].every(([e, v]) => rows.some((r) => r.element === e && r.value === v)),
        10_000,
      );
      for (const [element, value] of expected) {
        expect(
          stored.filter((r) => r.element === element).map((r) => r.value),
          `${element} is stored once, with the value set`,
        ).toEqual([value]);
      }
    } finally {
      await context.close();
    }
  };

  try {
    await lms.setBridgeSettings({
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
      urlCheckTimeoutMs: URL_CHECK_TIMEOUT_MS,
    });
    await runProperty(
      testInfo,
      META,
      cdnFailureCaseArbitrary,
      async (c) => {
        try {
          if (c.phase === "configuration") await configuration(c.failure);
          else await playerRun(c);
        } finally {
          await stack.setCdnProfile({ name: "good" });
        }
      },
      {
        defaultRuns: 6,
        examples: [
          { phase: "launch", failure: { name: "status", status: 503 } },
          { phase: "mid-session", failure: { name: "outage" } },
          { phase: "configuration", failure: { name: "cert-expired" } },
        ],
      },
    );
  } finally {
    await stack.setCdnProfile({ name: "good" });
    await lms.setBridgeSettings({});
  }
});
