// Fault injection against the reference bridge: LMS errors, lost answers, refusals, expired sessions, crashes
// and closed tabs. In every case each value lands exactly once, in the same attempt, or the learner is told.
import type { Page } from "@playwright/test";
import { DEFAULT_BRIDGE_CONFIG } from "../../bridge/protocol/bridge-config.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnActivity, LmsDriver, LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import type { EmbeddedStack } from "../../harness/stack/embedded-stack.ts";

const COMMIT = /local_externalscormbridge_commit/;
const SCHEDULE = [300, 600, 1200];

let activities: Record<"1.2" | "2004", CdnActivity>;
let course: number;

test.beforeAll(async ({ stack }) => {
  const { createTwinDriver } = await import("../../harness/lms-driver/twin-driver.ts");
  const lms = createTwinDriver(stack);
  course = await lms.createCourse("Durability");
  activities = await createProbeActivities(stack, lms, course, "durability");
});

test.beforeEach(({ stack }) => {
  stack.lmsFaults.clear();
  stack.twin.setBridgeConfig({ retryScheduleMs: SCHEDULE, retryJitter: 0, apiTimeoutMs: 2_000 });
});

test.afterEach(({ stack }) => {
  stack.lmsFaults.clear();
  stack.twin.setBridgeConfig(DEFAULT_BRIDGE_CONFIG);
});

async function learner(lms: LmsDriver): Promise<LmsUser> {
  const user = await lms.createUser();
  await lms.enrol(user, course);
  return user;
}

const storedValue = async (lms: LmsDriver, activity: CdnActivity, user: LmsUser, element: string) =>
  (await lms.tracks(activity, user)).filter((r) => r.element === element);

const messageState = (page: Page) => page.locator("#esb-message").getAttribute("data-state");

test("transient LMS failures are retried on the schedule and the value is stored once", async ({
  browser,
  stack,
  lms,
}) => {
  const user = await learner(lms);
  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activities["2004"], user);
  stack.lmsFaults.inject(COMMIT, { kind: "status", status: 503 }, 3);
  const results = await session.probe.run([
    ["Initialize", ""],
    ["SetValue", "cmi.location", "page 7"],
    ["Commit", ""],
  ]);
  expect(results.map((r) => r.ret)).toEqual(["true", "true", "true"]);
  const rows = await eventually(
    () => storedValue(lms, activities["2004"], user, "cmi.location"),
    (r) => r.length > 0,
    8_000,
  );
  expect(rows.map((r) => r.value)).toEqual(["page 7"]);
  const times = stack.lmsFaults.events.filter((e) => COMMIT.test(e.url)).map((e) => e.at);
  expect(times).toHaveLength(4);
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  gaps.forEach((gap, i) => {
    expect(gap, `retry ${i + 1} waits ${SCHEDULE[i]} ms`).toBeGreaterThanOrEqual(SCHEDULE[i]! - 20);
    expect(gap, `retry ${i + 1} waits ${SCHEDULE[i]} ms`).toBeLessThan(SCHEDULE[i]! + 400);
  });
  await expect.poll(() => messageState(session.page)).toBe("ok");
  await session.close();
});

test("a connection reset before the LMS answers is retried and stored once", async ({
  browser,
  stack,
  lms,
}) => {
  const user = await learner(lms);
  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activities["2004"], user);
  stack.lmsFaults.inject(COMMIT, { kind: "reset" }, 2);
  await session.probe.run([
    ["Initialize", ""],
    ["SetValue", "cmi.suspend_data", "after-reset"],
    ["Commit", ""],
  ]);
  const rows = await eventually(
    () => storedValue(lms, activities["2004"], user, "cmi.suspend_data"),
    (r) => r.length > 0,
    8_000,
  );
  expect(rows.map((r) => r.value)).toEqual(["after-reset"]);
  await session.close();
});

test("an LMS that answers too late never blocks the SCO; the op is retried and stored once", async ({
  browser,
  stack,
  lms,
}) => {
  stack.twin.setBridgeConfig({ retryScheduleMs: SCHEDULE, retryJitter: 0, apiTimeoutMs: 500 });
  const user = await learner(lms);
  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activities["2004"], user);
  const before = { ...stack.twin.api.stats };
  stack.lmsFaults.inject(COMMIT, { kind: "delay", ms: 1_500 }, 1);
  const started = Date.now();
  const results = await session.probe.run([
    ["Initialize", ""],
    ["SetValue", "cmi.location", "slow"],
    ["Commit", ""],
  ]);
  expect(Date.now() - started, "the SCO's calls return at once").toBeLessThan(400);
  expect(results.map((r) => r.ret)).toEqual(["true", "true", "true"]);
  const rows = await eventually(
    () => storedValue(lms, activities["2004"], user, "cmi.location"),
    (r) => r.length > 0,
    8_000,
  );
  expect(rows.map((r) => r.value)).toEqual(["slow"]);
  expect(
    stack.lmsFaults.events.filter((e) => COMMIT.test(e.url)).length,
    "the timed-out call was retried",
  ).toBeGreaterThanOrEqual(2);
  expect(stack.twin.api.stats.duplicates - before.duplicates).toBeLessThanOrEqual(1);
  await session.close();
});

test("an answer lost after the LMS stored the ops is retried without storing anything twice", async ({
  browser,
  stack,
  lms,
}) => {
  const user = await learner(lms);
  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activities["1.2"], user);
  const before = { ...stack.twin.api.stats };
  stack.lmsFaults.inject(COMMIT, { kind: "drop-response" }, 1);
  await session.probe.run([
    ["LMSInitialize", ""],
    ["LMSSetValue", "cmi.core.lesson_location", "p2"],
    ["LMSSetValue", "cmi.suspend_data", "state-1"],
    ["LMSCommit", ""],
  ]);
  await expect.poll(() => stack.twin.api.stats.duplicates - before.duplicates, { timeout: 8_000 }).toBe(2);
  const rows = await lms.tracks(activities["1.2"], user);
  expect(rows.filter((r) => r.element.startsWith("cmi.")).map((r) => [r.element, r.value])).toEqual([
    ["cmi.core.lesson_location", "p2"],
    ["cmi.suspend_data", "state-1"],
    ["cmi.core.lesson_status", "not attempted"],
  ]);
  await session.close();
});

test("a permanent refusal makes Commit answer false with 391 and tells the learner", async ({
  browser,
  stack,
  lms,
}) => {
  const user = await learner(lms);
  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activities["2004"], user);
  stack.twin.db.run("DELETE FROM mdl_user_enrolments WHERE userid = ?", [user.id]);
  await session.probe.run([
    ["Initialize", ""],
    ["SetValue", "cmi.location", "x"],
    ["Commit", ""],
  ]);
  await expect.poll(() => messageState(session.page)).toBe("failed");
  await expect(session.page.locator("#esb-message")).toContainText("could not be saved");
  const [commit, error] = await session.probe.run([["Commit", ""], ["GetLastError"]]);
  expect(commit).toMatchObject({ ret: "false", err: "391" });
  expect(error?.ret).toBe("391");
  const retriesBefore = stack.lmsFaults.events.length;
  await session.page.waitForTimeout(SCHEDULE[0]! * 2);
  expect(stack.lmsFaults.events.length, "no retries after a permanent error").toBe(retriesBefore);
  await session.close();
});

test("an expired session asks the learner to sign in again and then delivers to the same attempt", async ({
  browser,
  stack,
  lms,
}) => {
  const user = await learner(lms);
  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activities["1.2"], user);
  stack.twin.sessions.endAllFor(user.id);
  await session.probe.run([
    ["LMSInitialize", ""],
    ["LMSSetValue", "cmi.core.lesson_location", "after-expiry"],
    ["LMSCommit", ""],
  ]);
  await expect.poll(() => messageState(session.page)).toBe("signin");
  await expect(session.page.locator("#esb-signin")).toHaveAttribute(
    "href",
    `${stack.origins.lms}/login/index.php`,
  );
  expect(await storedValue(lms, activities["1.2"], user, "cmi.core.lesson_location")).toEqual([]);
  await lms.login(session.page, user);
  await session.page.click("#esb-signed-in");
  const rows = await eventually(
    () => storedValue(lms, activities["1.2"], user, "cmi.core.lesson_location"),
    (r) => r.length > 0,
  );
  expect(rows.map((r) => [r.value, r.attempt])).toEqual([["after-expiry", 1]]);
  await expect.poll(() => messageState(session.page)).toBe("ok");
  await session.close();
});

async function outboxKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("esb.outbox")));
}

test("ops survive a crash while the LMS is down and are replayed before the next launch", async ({
  browser,
  stack,
  lms,
}) => {
  const user = await learner(lms);
  const activity = activities["1.2"];
  const context = await browser.newContext();
  await lms.login(await context.newPage(), user);
  const page = await context.newPage();
  await page.goto(lms.playerUrl(activity, activity.scoes[0]!.id));
  const probe = await waitForProbe(page, stack.origins.cdn);
  stack.lmsFaults.inject(COMMIT, { kind: "status", status: 502 }, Infinity);
  await probe.run([
    ["LMSInitialize", ""],
    ["LMSSetValue", "cmi.core.lesson_location", "before-crash"],
    ["LMSCommit", ""],
  ]);
  await expect.poll(() => outboxKeys(page)).toHaveLength(1);
  await page.close();
  expect(await storedValue(lms, activity, user, "cmi.core.lesson_location")).toEqual([]);

  stack.lmsFaults.clear();
  const again = await context.newPage();
  await again.goto(lms.playerUrl(activity, activity.scoes[0]!.id));
  const next = await waitForProbe(again, stack.origins.cdn);
  const [, location] = await next.run([
    ["LMSInitialize", ""],
    ["LMSGetValue", "cmi.core.lesson_location"],
  ]);
  expect(location?.ret, "the replay landed before the new launch read its snapshot").toBe("before-crash");
  expect(
    (await storedValue(lms, activity, user, "cmi.core.lesson_location")).map((r) => [r.value, r.attempt]),
  ).toEqual([["before-crash", 1]]);
  expect(await outboxKeys(again)).toEqual([]);
  await context.close();
});

test("closing the tab without Commit still delivers the changes", async ({ browser, stack, lms }) => {
  const user = await learner(lms);
  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activities["2004"], user);
  await session.probe.run([
    ["Initialize", ""],
    ["SetValue", "cmi.location", "closing"],
    ["SetValue", "cmi.score.raw", "77"],
  ]);
  await session.page.waitForTimeout(DEFAULT_BRIDGE_CONFIG.changeBatchMs * 4);
  await session.page.close();
  const rows = await eventually(
    () => lms.tracks(activities["2004"], user),
    (r) => r.some((x) => x.element === "cmi.score.raw"),
  );
  // Which rows, not their order: a commit stores a SCO's score ops first, as mod_scorm's player posts them.
  const stored = rows.filter((r) => r.element.startsWith("cmi.")).map((r) => [r.element, r.value]);
  expect(stored.sort()).toEqual([
    ["cmi.location", "closing"],
    ["cmi.score.raw", "77"],
  ]);
  await session.close();
});

export type { EmbeddedStack };
