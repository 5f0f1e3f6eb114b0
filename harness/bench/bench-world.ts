// What every session-based measurement shares: the stack, one Chromium, the twin driver and a course, plus
// a helper that signs a fresh learner in to an activity.
import { chromium, type Browser } from "playwright";
import { baseChromiumArgs, chooseChromium } from "../browser/chromium.ts";
import type { CdnActivity, LmsDriver, LmsUser } from "../lms-driver/lms-driver.ts";
import { createTwinDriver } from "../lms-driver/twin-driver.ts";
import { openNewLearnerSession, type LearnerSession } from "../probe/learner-session.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";

export interface BenchWorld {
  stack: EmbeddedStack;
  browser: Browser;
  lms: LmsDriver;
  courseId: number;
  /** Creates and enrols a new learner and opens the activity's first SCO for them. */
  newLearnerSession(activity: CdnActivity): Promise<{ user: LmsUser; session: LearnerSession }>;
}

export async function openBenchWorld(stack: EmbeddedStack): Promise<BenchWorld> {
  const choice = chooseChromium();
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    args: [...baseChromiumArgs(), ...stack.browserArgs()],
  });
  try {
    const lms = createTwinDriver(stack);
    const courseId = await lms.createCourse("Bench course");
    return {
      stack,
      browser,
      lms,
      courseId,
      async newLearnerSession(activity) {
        const { learner: user, session } = await openNewLearnerSession(
          browser,
          lms,
          stack.origins.cdn,
          courseId,
          activity,
        );
        return { user, session };
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
