// Channel recovery: a frame reload, a navigation away and a frozen frame are noticed, the bridge launches again
// with a fresh nonce and delivers what the old frame left, each op exactly once.
import type { Page } from "@playwright/test";
import { DEFAULT_BRIDGE_CONFIG } from "../../bridge/protocol/bridge-config.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnActivity, LmsDriver, LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import type { EmbeddedStack } from "../../harness/stack/embedded-stack.ts";

let activity: CdnActivity;
let course: number;

test.beforeAll(async ({ stack }) => {
  const { createTwinDriver } = await import("../../harness/lms-driver/twin-driver.ts");
  const lms = createTwinDriver(stack);
  course = await lms.createCourse("Connection");
  activity = (await createProbeActivities(stack, lms, course, "connection"))["1.2"];
});

test.beforeEach(({ stack }) => stack.twin.setBridgeConfig({ heartbeatMs: 300 }));
test.afterEach(({ stack }) => stack.twin.setBridgeConfig(DEFAULT_BRIDGE_CONFIG));

async function learner(lms: LmsDriver): Promise<LmsUser> {
  const user = await lms.createUser();
  await lms.enrol(user, course);
  return user;
}

function launches(stack: EmbeddedStack, user: LmsUser) {
  return stack.twin.query(
    "SELECT launchid, nonce, ackedseq FROM mdl_local_extscormbridge_launch WHERE userid = ? ORDER BY id",
    [user.id],
  );
}

const bridgeFrame = (page: Page, stack: EmbeddedStack) =>
  page.frames().find((f) => f.url().startsWith(`${stack.origins.cdn}/bridge/frame.html`));

const cases: Array<[string, (page: Page, stack: EmbeddedStack) => Promise<void>]> = [
  [
    "a frame reload",
    async (page, stack) => void (await bridgeFrame(page, stack)?.evaluate(() => location.reload())),
  ],
  [
    "a navigation of the frame",
    async (page, stack) =>
      void (await bridgeFrame(page, stack)?.evaluate(
        (cdn) => location.assign(`${cdn}/bridge/frame.html?gone`),
        stack.origins.cdn,
      )),
  ],
  [
    "a frozen frame (missed heartbeats)",
    async (page, stack) =>
      void bridgeFrame(page, stack)
        ?.evaluate(() => {
          const until = Date.now() + 1_500;
          while (Date.now() < until) {
            /* the frame's event loop is blocked: no pongs */
          }
        })
        .catch(() => undefined),
  ],
];

for (const [name, breakChannel] of cases) {
  test(`after ${name} the bridge re-handshakes with a fresh nonce and loses nothing`, async ({
    browser,
    stack,
    lms,
  }) => {
    const user = await learner(lms);
    const session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, user);
    await session.probe.run([
      ["LMSInitialize", ""],
      ["LMSSetValue", "cmi.core.lesson_location", "committed"],
      ["LMSCommit", ""],
      ["LMSSetValue", "cmi.suspend_data", "set-but-not-committed"],
    ]);
    await session.page.waitForTimeout(DEFAULT_BRIDGE_CONFIG.changeBatchMs * 4);
    const before = await launches(stack, user).length;
    await breakChannel(session.page, stack);
    await expect.poll(() => launches(stack, user).length, { timeout: 10_000 }).toBe(before + 1);
    const [first, second] = launches(stack, user);
    expect(second?.nonce).not.toBe(first?.nonce);
    // The fresh launch is issued before the new frame replaces the old one: find the SCO only once the old one
    // (still ready, about to be detached) is gone.
    await expect.poll(() => session.probe.frame.isDetached(), { timeout: 10_000 }).toBe(true);
    const probe = await waitForProbe(session.page, stack.origins.cdn);
    const [, location, data] = await probe.run([
      ["LMSInitialize", ""],
      ["LMSGetValue", "cmi.core.lesson_location"],
      ["LMSGetValue", "cmi.suspend_data"],
    ]);
    expect(location?.ret).toBe("committed");
    expect(data?.ret, "changes handed over before the channel broke are delivered").toBe(
      "set-but-not-committed",
    );
    const rows = await eventually(
      () => lms.tracks(activity, user),
      (r) => r.length > 0,
    );
    expect(rows.filter((r) => r.element === "cmi.core.lesson_location")).toHaveLength(1);
    await session.close();
  });
}
