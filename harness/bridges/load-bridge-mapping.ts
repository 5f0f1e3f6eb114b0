// Loads a bridge's 1.2 <-> 2004 mapping module (built by bundleBridge). The suite sees it only through this
// interface: record in, record plus documented losses out.
import { pathToFileURL } from "node:url";

export type ScormVersion = "1.2" | "2004";

export interface MappedSession {
  version: ScormVersion;
  pairs: Array<[element: string, value: string]>;
  losses: Array<{ element: string; reason: string }>;
}

export interface BridgeMapping {
  mapRecord(
    from: ScormVersion,
    pairs: Iterable<readonly [string, string]>,
    options?: { date?: string },
  ): MappedSession;
}

export async function loadBridgeMapping(file: string): Promise<BridgeMapping> {
  const loaded = (await import(pathToFileURL(file).href)) as { mapRecord?: unknown };
  if (typeof loaded.mapRecord !== "function") throw new Error(`${file} does not export a mapRecord function`);
  return loaded as BridgeMapping;
}
