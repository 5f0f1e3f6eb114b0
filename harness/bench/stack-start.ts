// Stack start time: how long startEmbeddedStack takes until all three sites listen.
import { startEmbeddedStack, type EmbeddedStack } from "../stack/embedded-stack.ts";
import { atMost, type Metric } from "./metric.ts";

export async function timedStackStart(bridgeDir: string): Promise<{ stack: EmbeddedStack; ms: number }> {
  const started = performance.now();
  const stack = await startEmbeddedStack({ bridgeDir });
  return { stack, ms: performance.now() - started };
}

export function stackStartMetric(ms: number): Metric {
  return atMost("stack start", ms / 1000, "s", 3, "<= 3 s");
}
