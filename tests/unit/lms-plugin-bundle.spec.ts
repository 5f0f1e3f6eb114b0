// The plugin's server side is part of the bridge under test: bundleBridge builds it as a module of its own, the
// twin serves with it, and a bridge's substitutions reach into it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { LMS_PLUGIN_FILE, bundleBridge, type Substitutions } from "../../harness/bridges/bundle-bridge.ts";
import { loadLmsPlugin } from "../../harness/bridges/load-lms-plugin.ts";
import { LmsApi, isLmsApiError } from "../../moodle-stack/twin/lms-api.ts";
import { twinWithProbeActivity } from "../support/twin-with-probe-activity.ts";

async function twinWithPlugin(substitutions: Substitutions) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-plugin-"));
  try {
    await bundleBridge(dir, substitutions);
    const Plugin = await loadLmsPlugin(path.join(dir, LMS_PLUGIN_FILE));
    const { twin, learner, activity, scoid } = await twinWithProbeActivity({
      bridgeDir: dir,
      LmsApi: Plugin,
    });
    return { Plugin, twin, launch: () => twin.api.launch(learner, { cmid: activity.cmid, scoid }) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("the twin serves the LMS API from the bridge's own build of the plugin", async () => {
  const { Plugin, twin, launch } = await twinWithPlugin({});
  expect(Plugin).not.toBe(LmsApi);
  expect(twin.api).toBeInstanceOf(Plugin);
  expect(launch().seed).not.toContainEqual({ element: "cmi.suspend_data", value: "substituted" });
  let refusal: unknown;
  try {
    twin.api.launch(twin.people.createUser({ username: "x", password: "p", firstname: "X", lastname: "X" }), {
      cmid: 999_999,
      scoid: 1,
    });
  } catch (error) {
    refusal = error;
  }
  expect(isLmsApiError(refusal), String(refusal)).toBe(true);
});

test("a substitution of a twin module reaches the bundled plugin", async () => {
  const { launch } = await twinWithPlugin({
    "moodle-stack/twin/launch-seed.ts": "tests/fixtures/plugin-substitution/launch-seed.ts",
  });
  expect(launch().seed).toContainEqual({ element: "cmi.suspend_data", value: "substituted" });
});

test("a module without an LmsApi class is refused with the file named", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-plugin-"));
  try {
    const file = path.join(dir, "empty.mjs");
    await writeFile(file, "export const nothing = 1;\n");
    await expect(loadLmsPlugin(file)).rejects.toThrow(`${file} does not export an LmsApi class`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
