// One learner visit: a fresh browser context, sign-in through the LMS, the player page, and the probe SCO.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { CdnActivity, LmsDriver, LmsUser } from "../lms-driver/lms-driver.ts";
import { waitForProbe, type ProbeHandle } from "./probe-client.ts";

export interface LearnerSession {
  context: BrowserContext;
  page: Page;
  probe: ProbeHandle;
  close(): Promise<void>;
}

export async function openLearnerSession(
  browser: Browser,
  lms: LmsDriver,
  cdnOrigin: string,
  activity: CdnActivity,
  user: LmsUser,
  scoIndex = 0,
  /** Runs on the fresh context before any page opens (init scripts, listeners). */
  prepare?: (context: BrowserContext) => Promise<void>,
  /**
   * How the player is opened (newAttempt: the view page's "Start a new attempt"); viaView: through the activity's
   * view page and its Enter button, as a learner does (the driver must have a view page; Enter opens the first SCO);
   * onView reads the view page before Enter.
   */
  player: { newAttempt?: boolean; viaView?: boolean; onView?: (page: Page) => Promise<void> } = {},
): Promise<LearnerSession> {
  const sco = activity.scoes[scoIndex];
  if (!sco) throw new Error(`Activity ${activity.cmid} has no SCO #${scoIndex}`);
  const context = await browser.newContext();
  try {
    await prepare?.(context);
    const page = await context.newPage();
    await lms.login(page, user);
    if (player.viaView)
      await enterThroughView(page, lms, activity, scoIndex, player.newAttempt === true, player.onView);
    else await page.goto(lms.playerUrl(activity, sco.id, player));
    const probe = await waitForProbe(page, cdnOrigin);
    return { context, page, probe, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Opens the view page and presses Enter (ticking "Start a new attempt" first when asked): the player loads. */
async function enterThroughView(
  page: Page,
  lms: LmsDriver,
  activity: CdnActivity,
  scoIndex: number,
  newAttempt: boolean,
  /** Runs on the view page before Enter is pressed (to read what it shows). */
  onView?: (page: Page) => Promise<void>,
): Promise<void> {
  if (!lms.viewUrl) throw new Error("This LMS driver has no view page to enter the activity through");
  if (scoIndex !== 0) throw new Error(`The view page's Enter opens the first SCO, not SCO #${scoIndex}`);
  await page.goto(lms.viewUrl(activity));
  await onView?.(page);
  if (newAttempt) {
    const box = page.locator("#a-newattempt");
    if ((await box.count()) === 0) throw new Error("The view page offers no new attempt");
    await box.check();
  }
  await Promise.all([page.waitForURL(/\/mod\/scorm\/player\.php/), page.locator("#n").click()]);
}

/** A learner made for this visit: created, enrolled in `courseId`, signed in and on the activity's first SCO. */
export async function openNewLearnerSession(
  browser: Browser,
  lms: LmsDriver,
  cdnOrigin: string,
  courseId: number,
  activity: CdnActivity,
): Promise<{ learner: LmsUser; session: LearnerSession }> {
  const learner = await lms.createUser();
  await lms.enrol(learner, courseId);
  return { learner, session: await openLearnerSession(browser, lms, cdnOrigin, activity, learner) };
}
