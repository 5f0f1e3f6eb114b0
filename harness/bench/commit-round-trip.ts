// Commit round trip: in one learner session, SetValue cmi.location <unique> + Commit in the SCO, then poll the
// twin's database from Node until the row with that value appears. Timed from Node right before the call.
import type { CdnActivity } from "../lms-driver/lms-driver.ts";
import type { BenchWorld } from "./bench-world.ts";
import { nowMs } from "./clock.ts";
import { atMost, info, type Metric } from "./metric.ts";
import { pollUntil } from "./poll.ts";
import { assertAllTrue, runTimedInSco } from "./sco-calls.ts";
import { summarize, type LatencySummary } from "./stats.ts";
import { hasStoredValue } from "./twin-reads.ts";

const ELEMENT = "cmi.location";
const ROW_TIMEOUT_MS = 10_000;

export interface CommitRoundTripResult {
  /** Node-clock round trips of the first commits, left out of the summaries. */
  warmup: number[];
  /** Node clock, from right before the evaluate call to the row being seen. */
  fromNode: LatencySummary;
  /** SCO clock at the call to the Node clock at the row being seen (two processes' wall clocks). */
  fromSco: LatencySummary;
  samples: number[];
}

export async function measureCommitRoundTrip(
  world: BenchWorld,
  activity: CdnActivity,
  commits: number,
  warmups = 3,
): Promise<CommitRoundTripResult> {
  const { user, session } = await world.newLearnerSession(activity);
  try {
    assertAllTrue(await session.probe.run([["Initialize", ""]]), "Initialize");
    const fromNode: number[] = [];
    const fromSco: number[] = [];
    const warmup: number[] = [];
    for (let i = 0; i < warmups + commits; i++) {
      const value = `bench-${i}-${Math.random().toString(36).slice(2, 10)}`;
      const startedAt = nowMs();
      const run = runTimedInSco(session.probe.frame, [
        ["SetValue", ELEMENT, value],
        ["Commit", ""],
      ]);
      const seen = await pollUntil(
        () => (hasStoredValue(world.stack, activity, user, ELEMENT, value) ? true : undefined),
        ROW_TIMEOUT_MS,
      );
      const timed = await run;
      assertAllTrue(timed.results, `Commit #${i}`);
      if (!seen) throw new Error(`Commit #${i}: ${ELEMENT}=${value} never reached the database`);
      if (i < warmups) {
        warmup.push(seen.at - startedAt);
        continue;
      }
      fromNode.push(seen.at - startedAt);
      fromSco.push(seen.at - timed.startedAt);
    }
    return {
      warmup,
      fromNode: summarize(fromNode),
      fromSco: summarize(fromSco),
      samples: fromNode,
    };
  } finally {
    await session.close();
  }
}

export function commitMetrics(r: CommitRoundTripResult): Metric[] {
  return [
    info("commit round trip p50", r.fromNode.p50, "ms"),
    atMost("commit round trip p95", r.fromNode.p95, "ms", 50, "<= 50 ms"),
    info("commit round trip max", r.fromNode.max, "ms"),
  ];
}
