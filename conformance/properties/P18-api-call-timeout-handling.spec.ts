// P18 API call timeout handling.
// Requirement: when the LMS API does not answer within the API timeout, the SCO is never blocked: every SCORM
// API call returns within milliseconds (each round of calls, timed inside the SCO's frame, within 250 ms in
// all, to absorb a loaded 2-core machine), the op is kept, retried, and the final stored state holds each
// committed value exactly once, the last one written winning.
// Observes: the probe SCO (return values, in-frame timing), the LMS request log (fault injector) and SQL.
import fc from "fast-check";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { openNewLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import type { ProbeCall, ProbeResult } from "../../harness/probe/probe-client.ts";
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

const META = requireProperty("P18");
const COMMIT = /local_externalscormbridge_commit/;
const ROUND_BUDGET_MS = 250;

interface SlowLmsCase {
  writes: CommittedWrites;
  apiTimeoutMs: number;
  /** How long past the timeout each of the first commits is held by the LMS. */
  lateByMs: number[];
}

const slowLmsCase: fc.Arbitrary<SlowLmsCase> = fc.record({
  writes: committedWritesArbitrary(3),
  apiTimeoutMs: fc.constantFrom(300, 500),
  lateByMs: fc.array(fc.integer({ min: 200, max: 1_200 }), { minLength: 1, maxLength: 3 }),
});

const EXAMPLES: SlowLmsCase[] = [
  {
    writes: {
      version: "2004",
      rounds: [
        [["cmi.location", "r1w0-a"]],
        [
          ["cmi.location", "r2w0-b"],
          ["cmi.score.raw", "20"],
        ],
      ],
    },
    apiTimeoutMs: 300,
    lateByMs: [1_000, 600],
  },
];

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P18 course");
  const activities = await createProbeActivities(stack, lms, course, "p18");

  try {
    await runProperty(
      testInfo,
      META,
      slowLmsCase,
      async (c) => {
        const { version, rounds } = c.writes;
        const activity = activities[version];
        await lms.setBridgeSettings({
          apiTimeoutMs: c.apiTimeoutMs,
          retryScheduleMs: [150, 300],
          retryJitter: 0,
        });
        stack.lmsFaults.clear();
        const { learner, session } = await openNewLearnerSession(
          browser,
          lms,
          stack.origins.cdn,
          course,
          activity,
        );
        try {
          const timedRun = (calls: ProbeCall[]) =>
            session.probe.frame.evaluate((cs) => {
              const probe = (window as unknown as { __probe: { run(x: ProbeCall[]): ProbeResult[] } })
                .__probe;
              const started = performance.now();
              const results = probe.run(cs);
              return { results, ms: performance.now() - started };
            }, calls);
          await timedRun([initCall(version)]);
          const firstEvent = stack.lmsFaults.events.length;
          for (const ms of c.lateByMs)
            stack.lmsFaults.inject(COMMIT, { kind: "delay", ms: c.apiTimeoutMs + ms }, 1);
          for (const round of rounds) {
            const { results, ms } = await timedRun(roundCalls(version, round));
            expect(
              results.filter((r) => r.ret !== "true"),
              "every call succeeds",
            ).toEqual([]);
            expect(
              ms,
              `a round of ${results.length} calls returns within ${ROUND_BUDGET_MS} ms`,
            ).toBeLessThan(ROUND_BUDGET_MS);
            // The next round starts while the LMS is still holding this one.
            await session.page.waitForTimeout(50);
          }
          const expected = lastValues(rounds);
          const rows = await eventually(
            () => lms.tracks(activity, learner),
            (rs) => storedOnceMismatches(rs, expected).length === 0,
            20_000,
          );
          expect(storedOnceMismatches(rows, expected), "each value stored once, the last write wins").toEqual(
            [],
          );
          const commits = stack.lmsFaults.events.slice(firstEvent).filter((e) => COMMIT.test(e.url));
          const slow = commits.filter((e) => e.fault === "delay").length;
          expect(slow, "the LMS held commits past the timeout").toBeGreaterThan(0);
          expect(commits.length, "every commit the LMS held too long was sent again").toBeGreaterThan(slow);
        } finally {
          stack.lmsFaults.clear();
          await session.close();
        }
      },
      { defaultRuns: 5, examples: EXAMPLES },
    );
  } finally {
    await lms.setBridgeSettings({});
  }
});
