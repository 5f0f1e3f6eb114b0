// Playwright fixtures for everything that runs in a browser: per worker, the bridge under test is built,
// the embedded stack started and Chromium launched against it; per test, an LMS driver.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test as base, chromium, type Browser } from "@playwright/test";
import type { BuiltBridge } from "../bridges/bridge-adapter.ts";
import { resolveBridge } from "../bridges/resolve-bridge.ts";
import type { LmsDriver } from "../lms-driver/lms-driver.ts";
import { createTwinDriver } from "../lms-driver/twin-driver.ts";
import { startEmbeddedStack, type EmbeddedStack } from "../stack/embedded-stack.ts";
import { baseChromiumArgs, chooseChromium } from "./chromium.ts";
import { attachRequestLogsOnFailure } from "./request-logs-evidence.ts";

export interface WorkerFixtures {
  bridgeName: string;
  /** The bridge under test, built once per worker. */
  builtBridge: BuiltBridge;
  stack: EmbeddedStack;
  browser: Browser;
}

export const test = base.extend<{ lms: LmsDriver }, WorkerFixtures>({
  bridgeName: [process.env.ESB_BRIDGE ?? "reference", { scope: "worker", option: true }],
  builtBridge: [
    async ({ bridgeName }, use) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "esb-bridge-"));
      try {
        await use(await resolveBridge(bridgeName).build(dir));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: "worker" },
  ],
  stack: [
    async ({ builtBridge }, use) => {
      const stack = await startEmbeddedStack({
        bridgeDir: builtBridge.dir,
        lmsPlugin: builtBridge.lmsPlugin,
      });
      try {
        await use(stack);
      } finally {
        await stack.close();
      }
    },
    { scope: "worker" },
  ],
  browser: [
    async ({ stack }, use) => {
      const choice = chooseChromium();
      const browser = await chromium.launch({
        executablePath: choice.executablePath,
        args: [...baseChromiumArgs(), ...stack.browserArgs()],
      });
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: "worker" },
  ],
  lms: async ({ stack }, use, testInfo) => {
    const from = { lms: stack.lmsLog.entries.length, cdn: stack.cdnLog.entries.length };
    await use(createTwinDriver(stack));
    await attachRequestLogsOnFailure(testInfo, stack, from);
  },
});

export { expect } from "@playwright/test";
