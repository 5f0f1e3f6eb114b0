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
  /** How the player is opened (newAttempt: the view page's "Start a new attempt"). */
  player: { newAttempt?: boolean } = {},
): Promise<LearnerSession> {
  const sco = activity.scoes[scoIndex];
  if (!sco) throw new Error(`Activity ${activity.cmid} has no SCO #${scoIndex}`);
  const context = await browser.newContext();
  try {
    await prepare?.(context);
    const page = await context.newPage();
    await lms.login(page, user);
    await page.goto(lms.playerUrl(activity, sco.id, player));
    const probe = await waitForProbe(page, cdnOrigin);
    return { context, page, probe, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
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
