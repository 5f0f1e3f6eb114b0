// P10 Tracking history completeness.
// Requirement: for any sequence of SetValue/Commit over time and across attempts: each element's stored value is
// the last one committed for that attempt; earlier attempts keep their data; timemodified never goes backwards;
// every score and status submission appears once, in order, in the event log.
// Observes: the probe SCO in successive player sessions (a new attempt through the player's newattempt=on), the
// stored tracks through SQL after every commit, and the log store. Oracle: harness/oracles/tracking-history.ts.
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { StoredTrack } from "../../harness/lms-driver/lms-driver.ts";
import {
  expectedSubmissions,
  lastCommitted,
  type CommitBatch,
} from "../../harness/oracles/tracking-history.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import type { ProbeCall } from "../../harness/probe/probe-client.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { trackingHistoryArbitrary, type TrackingHistory } from "../generators/tracking-history-arbitrary.ts";

const META = requireProperty("P10");
const SUBMITTED = new Set(["\\mod_scorm\\event\\scoreraw_submitted", "\\mod_scorm\\event\\status_submitted"]);

const EXAMPLES: TrackingHistory[] = [
  {
    version: "1.2",
    attempts: [
      [
        [
          [
            ["cmi.core.score.raw", "40"],
            ["cmi.core.lesson_status", "incomplete"],
          ],
          [
            ["cmi.core.score.raw", "70"],
            ["cmi.core.lesson_status", "passed"],
          ],
        ],
      ],
      [[[["cmi.core.lesson_location", "p1"]], [["cmi.core.score.raw", "20"]]]],
    ],
  },
];

const key = (r: StoredTrack): string => `${r.attempt}|${r.scoid}|${r.element}`;

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  test.setTimeout(180_000);
  const course = await lms.createCourse("P10 course");
  const activities = await createProbeActivities(stack, lms, course, "p10");
  for (const activity of Object.values(activities)) await lms.setAttemptSettings(activity, { maxattempt: 0 });

  await runProperty(
    testInfo,
    META,
    trackingHistoryArbitrary(),
    async (history) => {
      const activity = activities[history.version];
      const api = SCORM_API[history.version];
      const learner = await lms.createUser();
      await lms.enrol(learner, course);
      const logStart = (await lms.logEvents()).at(-1)?.id ?? 0;
      const batches: CommitBatch[] = [];
      const seen = new Map<string, number>();
      const frozen = new Map<number, string>();

      for (const [a, sessions] of history.attempts.entries()) {
        const attempt = a + 1;
        for (const [s, commits] of sessions.entries()) {
          const context = await browser.newContext();
          try {
            const page = await context.newPage();
            await lms.login(page, learner);
            await page.goto(lms.playerUrl(activity, activity.scoes[0]!.id, { newAttempt: s === 0 && a > 0 }));
            const probe = await waitForProbe(page, stack.origins.cdn);
            const launched = (await lms.launches(activity, learner)).at(-1);
            expect(launched?.attempt, `session ${s + 1} of attempt ${attempt} opens attempt ${attempt}`).toBe(
              attempt,
            );
            await probe.run([[api.init, ""]]);
            for (const writes of commits) {
              const calls: ProbeCall[] = writes.map(([element, value]) => [api.set, element, value]);
              const results = await probe.run([...calls, [api.commit, ""]]);
              expect(
                results.filter((r) => r.ret !== "true"),
                "every call of the script succeeds",
              ).toEqual([]);
              batches.push({ attempt, writes });

              const model = lastCommitted(history.version, batches);
              const holds = (rows: StoredTrack[]) =>
                [...model].every(([n, values]) =>
                  [...values].every(([element, value]) =>
                    rows.some((r) => r.attempt === n && r.element === element && r.value === value),
                  ),
                );
              const rows = await eventually(() => lms.tracks(activity, learner), holds);
              for (const [n, values] of model)
                for (const [element, value] of values) {
                  const stored = rows.filter((r) => r.attempt === n && r.element === element);
                  expect(
                    stored.map((r) => r.value),
                    `attempt ${n} ${element} holds the last committed value`,
                  ).toEqual([value]);
                }
              for (const r of rows) {
                const before = seen.get(key(r));
                if (before !== undefined)
                  expect(
                    r.timemodified,
                    `${key(r)} timemodified never goes backwards`,
                  ).toBeGreaterThanOrEqual(before);
                seen.set(key(r), r.timemodified);
              }
              for (const [n, snapshot] of frozen)
                expect(
                  JSON.stringify(rows.filter((r) => r.attempt === n)),
                  `attempt ${n} keeps its data once attempt ${attempt} runs`,
                ).toBe(snapshot);
            }
          } finally {
            await context.close();
          }
        }
        const rows = await lms.tracks(activity, learner);
        frozen.set(attempt, JSON.stringify(rows.filter((r) => r.attempt === attempt)));
      }

      const expected = expectedSubmissions(history.version, batches);
      const logged = (await lms.logEvents(logStart)).filter(
        (e) => SUBMITTED.has(e.eventname) && e.relateduserid === learner.id,
      );
      expect(
        logged.map((e) => [e.eventname, e.other?.cmielement, e.other?.cmivalue]),
        "every score and status submission is logged once, in order",
      ).toEqual(expected.map((e) => [e.eventname, e.cmielement, e.cmivalue]));
      const attemptIds = new Map<number, unknown>();
      logged.forEach((e, i) => {
        const n = expected[i]!.attempt;
        if (!attemptIds.has(n)) attemptIds.set(n, e.other?.attemptid);
        expect(e.other?.attemptid, `event ${i + 1} names the attempt of its submission`).toBe(
          attemptIds.get(n),
        );
      });
      expect(new Set(attemptIds.values()).size, "each attempt has its own attempt id").toBe(attemptIds.size);
    },
    { defaultRuns: 3, examples: EXAMPLES },
  );
});
