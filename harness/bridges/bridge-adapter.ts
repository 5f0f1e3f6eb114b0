// The system under test, as the suite sees it: something that builds a bridge's CDN frame page and its
// LMS-side script. Implementations: the reference bridge and the mutants.
export interface BuiltBridge {
  /** Folder with frame.html, frame.js (served by the CDN under /bridge/) and bridge-lms.js (served by the LMS). */
  dir: string;
  /** The plugin's server side as an ES module exporting `LmsApi` (the twin loads it in place of its own). */
  lmsPlugin: string;
  /** The bridge's data model mapping as an ES module exporting `mapRecord` (see load-bridge-mapping.ts). */
  mapping: string;
}

export interface BridgeAdapter {
  name: string;
  description: string;
  build(outDir: string): Promise<BuiltBridge>;
}
