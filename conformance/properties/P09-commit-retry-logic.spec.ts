// P09 Commit retry logic.
// Requirement: when the LMS API fails transiently (HTTP 5xx, connection reset, no answer within the API timeout)
// the bridge retries on the configured schedule with jitter, keeps the ops in order and stores each exactly
// once; a permanent refusal (the learner lost the right to save) stops the retries and becomes visible: Commit
// answers "false" with 391 (2004) / 101 (1.2) once the refusal is known, Terminate (whose implicit commit cannot
// succeed either) "false" with 111 (2004) / 101 (1.2) without sending anything, and the learner sees a message.
// Tolerance: the gap between a failed commit and its retry, as the LMS saw them, lies within
// [delay × (1 − jitter) − 50 ms, delay × (1 + jitter) + 1,000 ms]. It is measured from the failed request's
// arrival, or, for a request left unanswered, from the moment the bridge gave up on it (its connection closed),
// which must come within the API timeout + 1,000 ms of its arrival. The bridge gave up no later than either the
// close as the LMS saw it or arrival + timeout (its timer starts before the request arrives), so the gap is
// measured from the earlier of the two: a loaded machine can delay the request's arrival, or the LMS's noticing
// the close (the lower bound once failed by 26 ms on the close alone), but not the bridge's timer.
// A reset is made after the answer's headers: Chromium resends a POST on its own when a reused connection is
// reset before any answer, which would hide the failure from the bridge (bridge-durability.spec.ts covers that).
// Observes: the probe SCO, the player page's notice, the LMS request log (fault injector) and SQL.
import fc from "fast-check";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { Fault, FaultEvent } from "../../harness/stack/fault-injector.ts";
import { openNewLearnerSession } from "../../harness/probe/learner-session.ts";
import { deliveryNotice } from "../../harness/probe/player-observations.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
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

const META = requireProperty("P09");
const COMMIT = /local_externalscormbridge_commit/;
const API_TIMEOUT_MS = 400;
const EARLY_MS = 50;
const LATE_MS = 1_000;
const COMMIT_FAILURE_CODE = { "1.2": "101", "2004": "391" } as const;
const TERMINATE_FAILURE_CODE = { "1.2": "101", "2004": "111" } as const;

interface BridgeAttempt {
  at: number;
  outcome: FaultEvent["fault"];
  /** When the bridge gave up on an unanswered request, as the LMS saw its connection close. */
  abortedAt?: number;
}

const bridgeAttempts = (events: readonly FaultEvent[]): BridgeAttempt[] =>
  events.map((e) => ({ at: e.at, outcome: e.fault, abortedAt: e.abortedAt }));

type TransientFault = "http503" | "http502" | "http500" | "reset" | "timeout";

interface RetryCase {
  writes: CommittedWrites;
  failures: TransientFault[];
  scheduleMs: number[];
  jitter: number;
  permanent: boolean;
}

const FAULTS: Record<TransientFault, Fault> = {
  http503: { kind: "status", status: 503 },
  http502: { kind: "status", status: 502 },
  http500: { kind: "status", status: 500 },
  reset: { kind: "reset-mid-answer" },
  timeout: { kind: "delay", ms: API_TIMEOUT_MS + 500 },
};

const retryCase: fc.Arbitrary<RetryCase> = fc.record({
  writes: committedWritesArbitrary(2),
  failures: fc.array(fc.constantFrom<TransientFault>("http503", "http502", "http500", "reset", "timeout"), {
    minLength: 1,
    maxLength: 3,
  }),
  scheduleMs: fc.array(fc.integer({ min: 150, max: 600 }), { minLength: 1, maxLength: 3 }),
  jitter: fc.constantFrom(0, 0.1, 0.25),
  permanent: fc.boolean(),
});

const EXAMPLES: RetryCase[] = [
  {
    writes: { version: "2004", rounds: [[["cmi.location", "r1w0-a"]], [["cmi.location", "r2w0-b"]]] },
    failures: ["http503", "reset", "timeout"],
    scheduleMs: [200, 400, 600],
    jitter: 0,
    permanent: false,
  },
  {
    writes: { version: "1.2", rounds: [[["cmi.suspend_data", "r1w0-x"]]] },
    failures: ["http503"],
    scheduleMs: [300],
    jitter: 0.25,
    permanent: true,
  },
  {
    writes: { version: "2004", rounds: [[["cmi.suspend_data", "r1w0-y"]]] },
    failures: ["http500"],
    scheduleMs: [250],
    jitter: 0,
    permanent: true,
  },
];

function expectedGapMs(c: RetryCase, retry: number): { min: number; max: number } {
  const delay = c.scheduleMs[Math.min(retry, c.scheduleMs.length - 1)] ?? 0;
  return { min: delay * (1 - c.jitter) - EARLY_MS, max: delay * (1 + c.jitter) + LATE_MS };
}

/** When the retry's delay starts: the failed answer's arrival, or the bridge's giving up on a slow one. */
function retryClockStart({ at, outcome, abortedAt }: BridgeAttempt): number {
  if (outcome !== "delay") return at;
  expect(abortedAt, "the bridge gave up on the unanswered request (its connection closed)").toBeDefined();
  const waited = (abortedAt ?? Infinity) - at;
  expect(waited, `gave up after ${waited} ms, within the API timeout`).toBeLessThanOrEqual(
    API_TIMEOUT_MS + LATE_MS,
  );
  // Both the close as the LMS saw it and arrival + timeout are no earlier than the bridge's giving up (its timer
  // starts before the arrival; a loaded browser or server can notice the close late): the earlier bounds it best.
  return Math.min(abortedAt ?? Infinity, at + API_TIMEOUT_MS);
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P09 course");
  const activities = await createProbeActivities(stack, lms, course, "p09");

  try {
    await runProperty(
      testInfo,
      META,
      retryCase,
      async (c) => {
        const { version, rounds } = c.writes;
        const activity = activities[version];
        await lms.setBridgeSettings({
          retryScheduleMs: c.scheduleMs,
          retryJitter: c.jitter,
          apiTimeoutMs: API_TIMEOUT_MS,
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
          await session.probe.run([initCall(version)]);
          const firstEvent = stack.lmsFaults.events.length;
          for (const failure of c.failures) stack.lmsFaults.inject(COMMIT, FAULTS[failure], 1);
          if (c.permanent) await lms.unenrol(learner, course);
          const [first, ...later] = rounds;
          const results = await session.probe.run(roundCalls(version, first ?? []));
          expect(
            results.filter((r) => r.ret !== "true"),
            "the SCO's calls succeed while the failure is not known yet",
          ).toEqual([]);
          const commits = () => stack.lmsFaults.events.slice(firstEvent).filter((e) => COMMIT.test(e.url));

          if (c.permanent) {
            const notice = await eventually(
              () => deliveryNotice(session.page),
              (n) => n.state === "failed",
              15_000,
            );
            expect(notice.state, "the learner is told the progress cannot be saved").toBe("failed");
            expect(notice.text.length, "with a message").toBeGreaterThan(0);
            const api = SCORM_API[version];
            const [commit, lastError] = await session.probe.run([[api.commit, ""], [api.lastError]]);
            expect(commit?.ret, "Commit once the refusal is known").toBe("false");
            expect(lastError?.ret, "its error code").toBe(COMMIT_FAILURE_CODE[version]);
            const seen = commits().length;
            const [finish, finishError] = await session.probe.run([[api.finish, ""], [api.lastError]]);
            expect(finish?.ret, "Terminate once the refusal is known (its implicit commit)").toBe("false");
            expect(finishError?.ret, "its error code").toBe(TERMINATE_FAILURE_CODE[version]);
            await session.page.waitForTimeout(Math.max(...c.scheduleMs) * 2 + API_TIMEOUT_MS);
            expect(commits().length, "no retry after a permanent refusal").toBe(seen);
            expect(
              bridgeAttempts(commits()).map((a) => a.outcome !== "none"),
              "transient failures first, then the LMS's own refusal, nothing after it",
            ).toEqual([
              ...bridgeAttempts(commits())
                .slice(1)
                .map(() => true),
              false,
            ]);
            return;
          }

          for (const round of later) await session.probe.run(roundCalls(version, round));
          const expected = lastValues(rounds);
          const rows = await eventually(
            () => lms.tracks(activity, learner),
            (rs) => storedOnceMismatches(rs, expected).length === 0,
            20_000,
          );
          expect(storedOnceMismatches(rows, expected), "each value stored once, the last write wins").toEqual(
            [],
          );
          const attempts = bridgeAttempts(commits());
          const failed = attempts.filter((a) => a.outcome !== "none");
          expect(
            failed.length,
            `each injected failure was seen: ${JSON.stringify(commits().map((e) => [e.at, e.fault]))}`,
          ).toBe(c.failures.length);
          expect(attempts[failed.length]?.outcome, "then the retry that succeeded").toBe("none");
          failed.forEach((attempt, i) => {
            const failure = attempt.outcome;
            const gap = (attempts[i + 1]?.at ?? Infinity) - retryClockStart(attempt);
            const { min, max } = expectedGapMs(c, i);
            expect(
              gap,
              `retry ${i + 1} after ${failure}: gap ${gap} ms within [${min}, ${max}]`,
            ).toBeGreaterThanOrEqual(min);
            expect(
              gap,
              `retry ${i + 1} after ${failure}: gap ${gap} ms within [${min}, ${max}]`,
            ).toBeLessThanOrEqual(max);
          });
          await expect.poll(async () => (await deliveryNotice(session.page)).state).toBe("ok");
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
