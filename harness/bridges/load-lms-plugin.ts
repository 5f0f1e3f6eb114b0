// Loads a bridge's server-side module (built by bundleBridge) and checks it has the shape the twin needs.
import { pathToFileURL } from "node:url";
import type { LmsApiConstructor } from "../../moodle-stack/twin/lms-api.ts";

export async function loadLmsPlugin(file: string): Promise<LmsApiConstructor> {
  const loaded = (await import(pathToFileURL(file).href)) as { LmsApi?: unknown };
  if (typeof loaded.LmsApi !== "function") throw new Error(`${file} does not export an LmsApi class`);
  return loaded.LmsApi as LmsApiConstructor;
}
