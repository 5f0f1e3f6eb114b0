// Mutant: the frame exposes the runtime under both API globals, whatever the package's version.
import {
  createSeededApi as referenceCreateSeededApi,
  type ApiFacade,
  type RuntimeHooks,
} from "../../../bridge/frame/scorm-runtime.ts";
import type { RuntimeConstructor } from "../../../bridge/frame/runtime-loader.ts";
import type { LaunchSeed } from "../../../bridge/protocol/messages.ts";

export { API_GLOBAL } from "../../../bridge/frame/scorm-runtime.ts";

export function createSeededApi(
  seed: LaunchSeed,
  hooks: RuntimeHooks,
  Runtime: RuntimeConstructor,
): ApiFacade {
  const api = referenceCreateSeededApi(seed, hooks, Runtime);
  const globals = window as unknown as Record<string, unknown>;
  globals.API = api;
  globals.API_1484_11 = api;
  return api;
}
