// P26 Real-time dashboard updates.
// Requirement: after a learner's commit, the teacher's live dashboard (open in another browser context) shows
// that learner's new status and score within 5 s (aim: under 1 s), pushed to the page: the page is never reloaded.
// Observes: two browser contexts — the teacher's dashboard page and the learner's probe SCO. The latency, from
// right before the SCO's Commit to the row's update in the dashboard page (both on this machine's clock), is
// recorded as an annotation; speed targets are for `pnpm bench`, this only bounds it at 5 s.
import { openLmsPage } from "../../harness/attacker/lms-api-from-page.ts";
import {
  dashboardStillMarked,
  markDashboard,
  waitForDashboardRow,
} from "../../harness/browser/dashboard-watch.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { openNewLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { propertyTestTitle, requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { dashboardArbitrary, dashboardExamples } from "../generators/dashboard-arbitrary.ts";

const META = requireProperty("P26");
const SCORE = { "1.2": "cmi.core.score.raw", "2004": "cmi.score.raw" } as const;
const LIMIT_MS = 5_000;

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P26 course");
  const activities = await createProbeActivities(stack, lms, course, "p26");
  const teacher = await lms.createUser();
  await lms.enrol(teacher, course, "editingteacher");
  const dashboard = await openLmsPage(browser, lms, teacher);
  const latencies: number[] = [];
  try {
    let shownActivity: string | null = null;
    await runProperty(
      testInfo,
      META,
      dashboardArbitrary(),
      async (c) => {
        const activity = activities[c.version];
        const url = lms.dashboardUrl(activity);
        if (shownActivity !== url) {
          await dashboard.page.goto(url);
          await dashboard.page.locator('#esb-dashboard[data-live="true"]').waitFor({ timeout: 10_000 });
          shownActivity = url;
        }
        const mark = await markDashboard(dashboard.page);
        const { learner, session } = await openNewLearnerSession(
          browser,
          lms,
          stack.origins.cdn,
          course,
          activity,
        );
        try {
          const api = SCORM_API[c.version];
          expect((await session.probe.run([[api.init, ""]]))[0]?.ret, "Initialize").toBe("true");
          for (const [i, commit] of c.commits.entries()) {
            const set = await session.probe.run([
              [api.set, api.progressStatus, commit.status],
              [api.set, SCORE[c.version], String(commit.score)],
            ]);
            expect(
              set.map((r) => r.ret),
              `commit #${i + 1}'s values are accepted`,
            ).toEqual(["true", "true"]);
            const startedAt = Date.now();
            const [committed] = await session.probe.run([[api.commit, ""]]);
            expect(committed?.ret, `Commit #${i + 1}`).toBe("true");
            const shown = await waitForDashboardRow(
              dashboard.page,
              learner.username,
              { status: commit.status, score: String(commit.score) },
              LIMIT_MS + 1_000,
            );
            expect(
              shown,
              `commit #${i + 1} (${commit.status}, ${commit.score}) shows on the dashboard`,
            ).not.toBeNull();
            const latency = Math.max(0, shown!.updatedAt - startedAt);
            latencies.push(latency);
            expect(latency, `commit #${i + 1} shows within ${LIMIT_MS} ms`).toBeLessThanOrEqual(LIMIT_MS);
            expect(await dashboardStillMarked(dashboard.page, mark), "the dashboard was not reloaded").toBe(
              true,
            );
          }
        } finally {
          await session.close();
        }
      },
      { defaultRuns: 3, examples: dashboardExamples() },
    );
  } finally {
    await dashboard.close();
    if (latencies.length > 0) {
      const sorted = [...latencies].sort((a, b) => a - b);
      testInfo.annotations.push({
        type: "dashboard-latency-ms",
        description: `n=${sorted.length} median=${sorted[Math.floor(sorted.length / 2)]} max=${sorted.at(-1)}`,
      });
    }
  }
});
