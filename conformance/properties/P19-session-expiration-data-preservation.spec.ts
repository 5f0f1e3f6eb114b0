// P19 Session expiration data preservation.
// Requirement: when the learner's LMS session ends mid-attempt (or the LMS rejects the page's sesskey because
// the learner signed in again elsewhere), the ops are kept durably (they survive a reload of the page), the
// learner is asked to sign in again, and afterwards everything is delivered to the same attempt of the same
// user; nothing is stored under anyone else, even when another user signs in on that browser in between
// (the player must refuse to deliver through their session).
// Observes: the probe SCO, the player page (notice, sign-in controls, the LMS origin's localStorage) and SQL.
import fc from "fast-check";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnActivity, LmsDriver, LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { openNewLearnerSession } from "../../harness/probe/learner-session.ts";
import { deliveryNotice, outboxKeys } from "../../harness/probe/player-observations.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { storedOnceMismatches } from "../../harness/properties/stored-once.ts";
import {
  committedWritesArbitrary,
  initCall,
  lastValues,
  roundCalls,
  type CommittedWrites,
} from "../generators/committed-writes-arbitrary.ts";

const META = requireProperty("P19");

interface ExpiryCase {
  writes: CommittedWrites;
  expiry: "session-ended" | "sesskey-rejected";
  reload: boolean;
  intruder: boolean;
}

const expiryCase: fc.Arbitrary<ExpiryCase> = fc.record({
  writes: committedWritesArbitrary(3).filter((w) => w.rounds.length >= 2),
  expiry: fc.constantFrom<ExpiryCase["expiry"]>("session-ended", "sesskey-rejected"),
  reload: fc.boolean(),
  intruder: fc.boolean(),
});

const EXAMPLES: ExpiryCase[] = [
  {
    writes: {
      version: "1.2",
      rounds: [[["cmi.core.lesson_location", "r1w0-a"]], [["cmi.suspend_data", "r2w0-b"]]],
    },
    expiry: "session-ended",
    reload: false,
    intruder: true,
  },
  {
    writes: { version: "2004", rounds: [[["cmi.location", "r1w0-a"]], [["cmi.location", "r2w0-b"]]] },
    expiry: "session-ended",
    reload: true,
    intruder: true,
  },
];

/** Values of `values` that appear anywhere in the user's tracks of the activity. */
async function leaked(lms: LmsDriver, activity: CdnActivity, user: LmsUser, values: Set<string>) {
  return (await lms.tracks(activity, user)).filter(
    (r) => r.element.startsWith("cmi.") && values.has(r.value),
  );
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P19 course");
  const activities = await createProbeActivities(stack, lms, course, "p19");

  await runProperty(
    testInfo,
    META,
    expiryCase,
    async (c) => {
      const { version, rounds } = c.writes;
      const activity = activities[version];
      const player = lms.playerUrl(activity, activity.scoes[0]!.id);
      const { learner, session } = await openNewLearnerSession(
        browser,
        lms,
        stack.origins.cdn,
        course,
        activity,
      );
      const { page } = session;
      try {
        const [before, ...after] = rounds;
        await session.probe.run([initCall(version), ...roundCalls(version, before ?? [])]);
        const beforeValues = lastValues([before ?? []]);
        await eventually(
          () => lms.tracks(activity, learner),
          (rs) => storedOnceMismatches(rs, beforeValues).length === 0,
          10_000,
        );

        if (c.expiry === "session-ended") await lms.expireSessions(learner);
        else await lms.login(page, learner);
        for (const round of after) await session.probe.run(roundCalls(version, round));
        const notice = await eventually(
          () => deliveryNotice(page),
          (n) => n.state === "signin",
          10_000,
        );
        expect(notice.state, "the learner is asked to sign in again").toBe("signin");
        await expect(page.locator("#esb-signin"), "with a way to sign in").toBeVisible();
        const laterValues = new Set(after.flat().map(([, v]) => v));
        expect(await leaked(lms, activity, learner, laterValues), "nothing lands while signed out").toEqual(
          [],
        );

        if (c.reload) {
          await page.reload();
          if (c.expiry === "session-ended") {
            expect(await outboxKeys(page), "the ops survive a reload of the page").toHaveLength(1);
          }
        }

        let intruder: LmsUser | undefined;
        if (c.intruder) {
          intruder = await lms.createUser();
          await lms.enrol(intruder, course);
          await lms.login(page, intruder);
          if (c.reload) {
            await page.goto(player);
            await waitForProbe(page, stack.origins.cdn);
          } else {
            await page.click("#esb-signed-in");
            await expect
              .poll(async () => (await deliveryNotice(page)).text, { timeout: 5_000 })
              .toMatch(/another user/i);
            expect((await deliveryNotice(page)).state, "still asking for the right user").toBe("signin");
          }
          await page.waitForTimeout(300);
          const everything = new Set([...rounds.flat().map(([, v]) => v)]);
          expect(
            await leaked(lms, activity, intruder, everything),
            "nothing stored under the other user",
          ).toEqual([]);
        }

        await lms.login(page, learner);
        if (c.reload) await page.goto(player);
        else await page.click("#esb-signed-in");
        const expected = lastValues(rounds);
        const rows = await eventually(
          () => lms.tracks(activity, learner),
          (rs) => storedOnceMismatches(rs, expected).length === 0,
          15_000,
        );
        expect(
          storedOnceMismatches(rows, expected),
          "everything delivered once, to attempt 1 of the same user",
        ).toEqual([]);
        if (intruder) {
          const everything = new Set([...rounds.flat().map(([, v]) => v)]);
          expect(
            await leaked(lms, activity, intruder, everything),
            "still nothing under the other user",
          ).toEqual([]);
        }
        await expect.poll(() => outboxKeys(page), { timeout: 10_000 }).toEqual([]);
      } finally {
        await session.close();
      }
    },
    { defaultRuns: 5, examples: EXAMPLES },
  );
});
