// The reference bridge (bridge/): the default system under test.
import type { BridgeAdapter } from "./bridge-adapter.ts";
import { builtBridge, bundleBridge } from "./bundle-bridge.ts";

export const referenceBridge: BridgeAdapter = {
  name: "reference",
  description: "The project's own bridge: scorm-again in the CDN frame, op log over a MessageChannel.",
  async build(outDir) {
    await bundleBridge(outDir);
    return builtBridge(outDir);
  },
};
