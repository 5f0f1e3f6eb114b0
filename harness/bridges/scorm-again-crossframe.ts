// scorm-again's CrossFrame (cross-frame-api in the CDN frame, cross-frame-lms on the LMS page) as a comparison
// bridge: the prior art the reference bridge has to beat (see prior-art.md). It uses the same plugin server side as
// the reference bridge; only the browser side differs.
import type { BridgeAdapter } from "./bridge-adapter.ts";
import { builtBridge, bundleBridge } from "./bundle-bridge.ts";

export const scormAgainCrossFrame: BridgeAdapter = {
  name: "scorm-again-crossframe",
  description:
    "scorm-again's CrossFrameAPI/CrossFrameLMS with a full runtime on the LMS page; commits sent fire and forget.",
  async build(outDir) {
    await bundleBridge(
      outDir,
      {},
      {
        frameEntry: "harness/bridges/crossframe/frame-entry.ts",
        lmsEntry: "harness/bridges/crossframe/lms-entry.ts",
        runtimeEntries: {},
      },
    );
    return builtBridge(outDir);
  },
};
