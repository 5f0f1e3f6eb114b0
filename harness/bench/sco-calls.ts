// Runs probe calls in the SCO frame with the SCO's own clock read just before (and after) them, so a
// measurement can start at the moment the SCO makes its first call.
import type { Frame } from "playwright";
import type { ProbeCall, ProbeResult } from "../probe/probe-client.ts";

export interface TimedRun {
  /** performance.timeOrigin + performance.now() in the SCO right before the first call. */
  startedAt: number;
  /** Same clock right after the last call returned. */
  endedAt: number;
  results: ProbeResult[];
}

export function runTimedInSco(frame: Frame, calls: ProbeCall[]): Promise<TimedRun> {
  return frame.evaluate((c) => {
    const probe = (window as unknown as { __probe: { run(x: ProbeCall[]): ProbeResult[] } }).__probe;
    const startedAt = performance.timeOrigin + performance.now();
    const results = probe.run(c);
    const endedAt = performance.timeOrigin + performance.now();
    return { startedAt, endedAt, results };
  }, calls);
}

/** Throws when any call did not return "true" with error 0, naming the first that failed. */
export function assertAllTrue(results: ProbeResult[], what: string): void {
  const bad = results.find((r) => r.ret !== "true" || r.err !== "0");
  if (bad) {
    throw new Error(
      `${what}: ${bad.fn}(${bad.args.map((a) => JSON.stringify(a)).join(", ")}) returned ${JSON.stringify(bad.ret)} with error ${bad.err}`,
    );
  }
}
