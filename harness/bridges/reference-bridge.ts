// The reference bridge (bridge/): the default system under test.
import type { BridgeAdapter } from "./bridge-adapter.ts";
import path from "node:path";
import { LMS_PLUGIN_FILE, bundleBridge } from "./bundle-bridge.ts";

export const referenceBridge: BridgeAdapter = {
  name: "reference",
  description: "The project's own bridge: scorm-again in the CDN frame, op log over a MessageChannel.",
  async build(outDir) {
    await bundleBridge(outDir);
    return { dir: outDir, lmsPlugin: path.join(outDir, LMS_PLUGIN_FILE) };
  },
};
