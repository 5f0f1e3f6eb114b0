// Burst: 1,000 SetValue cmi.suspend_data "1".."1000" in one synchronous run in the SCO, then Commit; checks
// from SQL that the launch acknowledged every op (seq 1..1000, applied in order) and the last value stuck.
import type { CdnActivity } from "../lms-driver/lms-driver.ts";
import type { ProbeCall, ProbeResult } from "../probe/probe-client.ts";
import type { BenchWorld } from "./bench-world.ts";
import { nowMs } from "./clock.ts";
import { atMost, check, exactly, info, type Metric } from "./metric.ts";
import { pollUntil } from "./poll.ts";
import { assertAllTrue } from "./sco-calls.ts";
import { latestLaunch, storedValue } from "./twin-reads.ts";

const ELEMENT = "cmi.suspend_data";
const PERSIST_TIMEOUT_MS = 20_000;

export interface BurstResult {
  calls: number;
  /** SCO clock: the 1,000 SetValue calls, without the Commit. */
  setValueMs: number;
  /** SCO clock: the Commit call itself. */
  commitCallMs: number;
  /** Ops the LMS acknowledged for this launch (ackedseq). */
  persisted: number;
  finalValue: string | null;
  inOrder: boolean;
  /** Node clock, from right before the burst to the last op being stored; null if it never was. */
  persistMs: number | null;
}

interface BurstRun {
  setValueMs: number;
  commitCallMs: number;
  sets: ProbeResult[];
  commit: ProbeResult[];
}

export async function measureBurst(
  world: BenchWorld,
  activity: CdnActivity,
  calls = 1000,
): Promise<BurstResult> {
  const { user, session } = await world.newLearnerSession(activity);
  try {
    assertAllTrue(await session.probe.run([["Initialize", ""]]), "Initialize");
    const sets: ProbeCall[] = Array.from({ length: calls }, (_, i) => ["SetValue", ELEMENT, String(i + 1)]);
    const startedAt = nowMs();
    const run: BurstRun = await session.probe.frame.evaluate((c) => {
      const probe = (window as unknown as { __probe: { run(x: ProbeCall[]): ProbeResult[] } }).__probe;
      const t0 = performance.now();
      const setResults = probe.run(c);
      const t1 = performance.now();
      const commitResults = probe.run([["Commit", ""]]);
      const t2 = performance.now();
      return { setValueMs: t1 - t0, commitCallMs: t2 - t1, sets: setResults, commit: commitResults };
    }, sets);
    assertAllTrue(run.sets, "Burst SetValue");
    assertAllTrue(run.commit, "Burst Commit");
    const done = await pollUntil(() => {
      const launch = latestLaunch(world.stack, activity, user);
      return launch && launch.ackedseq >= calls ? launch : undefined;
    }, PERSIST_TIMEOUT_MS);
    const persisted = done?.value.ackedseq ?? latestLaunch(world.stack, activity, user)?.ackedseq ?? 0;
    const finalValue = storedValue(world.stack, activity, user, ELEMENT) ?? null;
    return {
      calls,
      setValueMs: run.setValueMs,
      commitCallMs: run.commitCallMs,
      persisted,
      finalValue,
      inOrder: persisted === calls && finalValue === String(calls),
      persistMs: done ? done.at - startedAt : null,
    };
  } finally {
    await session.close();
  }
}

export function burstMetrics(r: BurstResult): Metric[] {
  return [
    atMost(`burst ${r.calls} SetValue time`, r.setValueMs, "ms", 1000, "<= 1000 ms"),
    exactly("burst ops persisted", r.persisted, "ops", r.calls),
    check("burst persisted in order", r.inOrder),
    r.persistMs === null
      ? check("burst fully persisted", false)
      : info("burst time to fully persisted", r.persistMs, "ms"),
  ];
}
