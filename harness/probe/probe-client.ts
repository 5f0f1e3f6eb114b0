// Drives the probe SCO from a test: finds its frame under the CDN origin, reads its API discovery and runs
// scripted calls, getting back every return value and error code.
import type { Frame, Page } from "@playwright/test";
import { recordProbeResults } from "../reporting/error-code-recorder.ts";

export type ProbeCall = [string, ...string[]];

export interface ProbeResult {
  fn: string;
  args: string[];
  ret: string | null;
  err: string | null;
  retType?: string;
}

export interface ProbeDiscovery {
  levels: Array<{ level: number; how: string; names: string[]; error: string | null }>;
  found: { level: number; how: string; names: string[] } | null;
}

export interface ProbeHandle {
  frame: Frame;
  discovery(): Promise<ProbeDiscovery>;
  run(calls: ProbeCall[]): Promise<ProbeResult[]>;
}

async function playerMessage(page: Page): Promise<string> {
  return (
    (await page
      .locator("#esb-message")
      .textContent({ timeout: 500 })
      .catch(() => null)) ?? ""
  );
}

export async function waitForProbe(
  page: Page,
  cdnOrigin: string,
  timeoutMs = 15_000,
  /** False for a SCO not behind the bridge (the direct runtime): its error codes are not the bridge's. */
  throughBridge = true,
): Promise<ProbeHandle> {
  const deadline = Date.now() + timeoutMs;
  const prefix = `${cdnOrigin}/packages/`;
  let frame: Frame | undefined;
  while (!frame) {
    frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) break;
    if (Date.now() > deadline) {
      throw new Error(`The SCO never loaded under ${prefix}. Player says: "${await playerMessage(page)}"`);
    }
    await page.waitForTimeout(25);
  }
  await frame.waitForFunction(
    () => (window as unknown as { __probe?: { ready: boolean } }).__probe?.ready === true,
    null,
    {
      timeout: Math.max(1, deadline - Date.now()),
    },
  );
  const sco = frame;
  return {
    frame: sco,
    discovery: () =>
      sco.evaluate(() => (window as unknown as { __probe: { discovery: ProbeDiscovery } }).__probe.discovery),
    run: async (calls) => {
      const results = await sco.evaluate(
        (c) => (window as unknown as { __probe: { run(x: ProbeCall[]): ProbeResult[] } }).__probe.run(c),
        calls,
      );
      // Every code the SCO saw through the bridge counts towards the error-code matrix.
      if (throughBridge) recordProbeResults(results);
      return results;
    },
  };
}
