// Live dashboard latency: a teacher's dashboard page open in its own browser context, a learner's SCO in another;
// each round sets a new score and Commits, timed from the SCO's clock right before Commit to the dashboard row's
// update (Date.now() in the dashboard page; one machine, one clock).
import { dashboardStillMarked, markDashboard, waitForDashboardRow } from "../browser/dashboard-watch.ts";
import type { CdnActivity } from "../lms-driver/lms-driver.ts";
import type { BenchWorld } from "./bench-world.ts";
import { atMost, info, type Metric } from "./metric.ts";
import { assertAllTrue, runTimedInSco } from "./sco-calls.ts";
import { summarize, type LatencySummary } from "./stats.ts";

const SHOW_TIMEOUT_MS = 10_000;

export interface DashboardLatencyResult {
  latency: LatencySummary;
  samples: number[];
}

export async function measureDashboardLatency(
  world: BenchWorld,
  activity: CdnActivity,
  commits: number,
): Promise<DashboardLatencyResult> {
  const teacher = await world.lms.createUser();
  await world.lms.enrol(teacher, world.courseId, "editingteacher");
  const context = await world.browser.newContext();
  try {
    const page = await context.newPage();
    await world.lms.login(page, teacher);
    await page.goto(world.lms.dashboardUrl(activity));
    await page.locator('#esb-dashboard[data-live="true"]').waitFor({ timeout: SHOW_TIMEOUT_MS });
    const mark = await markDashboard(page);
    const { user, session } = await world.newLearnerSession(activity);
    try {
      assertAllTrue(await session.probe.run([["Initialize", ""]]), "Initialize");
      const samples: number[] = [];
      for (let i = 0; i < commits; i++) {
        const score = String(i % 101);
        const status = i % 2 === 0 ? "incomplete" : "completed";
        assertAllTrue(
          await session.probe.run([
            ["SetValue", "cmi.score.raw", score],
            ["SetValue", "cmi.completion_status", status],
          ]),
          `values #${i}`,
        );
        const timed = await runTimedInSco(session.probe.frame, [["Commit", ""]]);
        assertAllTrue(timed.results, `Commit #${i}`);
        const shown = await waitForDashboardRow(page, user.username, { status, score }, SHOW_TIMEOUT_MS);
        if (!shown) throw new Error(`Commit #${i} never showed on the dashboard`);
        samples.push(Math.max(0, shown.updatedAt - timed.startedAt));
      }
      if (!(await dashboardStillMarked(page, mark))) throw new Error("The dashboard page was reloaded");
      return { latency: summarize(samples), samples };
    } finally {
      await session.close();
    }
  } finally {
    await context.close();
  }
}

export function dashboardMetrics(r: DashboardLatencyResult): Metric[] {
  return [
    info("dashboard update p50", r.latency.p50, "ms"),
    atMost("dashboard update p95", r.latency.p95, "ms", 1000, "<= 1 s"),
  ];
}
