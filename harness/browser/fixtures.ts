// Playwright fixtures for everything that runs in a browser: per worker, the bridge under test is built,
// the selected stack started (ESB_STACK: embedded, or containers) and Chromium launched against it; per test, an
// LMS driver and the evidence of a failure (test-evidence.ts: every context the test opens is observed through the
// worker's browser).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test as base, chromium, type Browser } from "@playwright/test";
import type { BuiltBridge } from "../bridges/bridge-adapter.ts";
import { resolveBridge } from "../bridges/resolve-bridge.ts";
import type { LmsDriver } from "../lms-driver/lms-driver.ts";
import { createMoodleDriver } from "../lms-driver/moodle-driver.ts";
import { createTwinDriver } from "../lms-driver/twin-driver.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { isMoodleStack } from "../stack/moodle-stack.ts";
import { startSelectedStack } from "../stack/start-stack.ts";
import { baseChromiumArgs, chooseChromium } from "./chromium.ts";
import { observedBrowser } from "./observed-browser.ts";
import { attachRequestLogsOnFailure } from "./request-logs-evidence.ts";
import { storedRowsSince } from "./stored-rows.ts";
import { TestEvidence, registerEvidence, type EvidenceSlot } from "./test-evidence.ts";
import { attachErrorCodes, resetErrorCodes } from "../reporting/error-code-recorder.ts";

export interface WorkerFixtures {
  bridgeName: string;
  /** The bridge under test, built once per worker. */
  builtBridge: BuiltBridge;
  stack: EmbeddedStack;
  browser: Browser;
  evidenceSlot: EvidenceSlot;
}

interface EvidenceFixture {
  /** Screenshots, postMessage log and stored rows of the test, attached if it fails. */
  evidence: TestEvidence;
}

export const test = base.extend<{ lms: LmsDriver; errorCodes: void } & EvidenceFixture, WorkerFixtures>({
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
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument's pattern
  evidenceSlot: [async ({}, use) => use({ current: null, twin: null }), { scope: "worker" }],
  stack: [
    async ({ builtBridge, evidenceSlot }, use) => {
      const stack = await startSelectedStack({
        bridgeDir: builtBridge.dir,
        lmsPlugin: builtBridge.lmsPlugin,
      });
      evidenceSlot.twin = stack.twin;
      try {
        await use(stack);
      } finally {
        await stack.close();
      }
    },
    // A Moodle container installs its site at start (admin/cli/install.php: minutes on a loaded machine).
    { scope: "worker", timeout: 900_000 },
  ],
  browser: [
    async ({ stack, evidenceSlot }, use) => {
      const choice = chooseChromium();
      const browser = await chromium.launch({
        executablePath: choice.executablePath,
        args: [...baseChromiumArgs(), ...stack.browserArgs()],
      });
      try {
        await use(observedBrowser(browser, async (c) => evidenceSlot.current?.adopt(c, stack.origins)));
      } finally {
        await browser.close();
      }
    },
    { scope: "worker" },
  ],
  lms: async ({ stack }, use, testInfo) => {
    const from = { lms: stack.lmsLog.entries.length, cdn: stack.cdnLog.entries.length };
    await use(isMoodleStack(stack) ? createMoodleDriver(stack) : createTwinDriver(stack));
    await attachRequestLogsOnFailure(testInfo, stack, from);
  },
  // Screenshots, postMessage log and stored rows of a failed test (its trace is Playwright's own).
  evidence: [
    async ({ evidenceSlot }, use, testInfo) => {
      const startedAt = Date.now();
      const evidence = new TestEvidence();
      evidenceSlot.current = evidence;
      registerEvidence(testInfo, evidence);
      try {
        await use(evidence);
      } finally {
        evidenceSlot.current = null;
        const twin = evidenceSlot.twin;
        await evidence.finish(testInfo, twin ? () => storedRowsSince(twin, startedAt) : null);
      }
    },
    { auto: true },
  ],
  // The error codes this test's SCOs saw through the bridge, attached for reports/error-codes.json.
  errorCodes: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument's pattern
    async ({}, use, testInfo) => {
      resetErrorCodes();
      await use();
      await attachErrorCodes(testInfo);
    },
    { auto: true },
  ],
});

export { expect } from "@playwright/test";
