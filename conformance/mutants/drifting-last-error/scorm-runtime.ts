// Mutant: a cache-first API like scorm-again's CrossFrame: every SetValue and Commit answers "true" at once, and
// GetLastError reports the code of the call before (the real one arrives one call late).
import * as reference from "../../../bridge/frame/scorm-runtime.ts";

export * from "../../../bridge/frame/scorm-runtime.ts";

export function createSeededApi(...args: Parameters<typeof reference.createSeededApi>): reference.ApiFacade {
  const api = reference.createSeededApi(...args);
  const lastErrorName = "GetLastError" in api ? "GetLastError" : "LMSGetLastError";
  const realLastError = api[lastErrorName]!;
  let reported = "0";
  let latest = "0";
  const drifting: reference.ApiFacade = {};
  for (const [name, method] of Object.entries(api)) {
    if (typeof method !== "function") continue;
    if (name === lastErrorName) {
      drifting[name] = () => reported;
      continue;
    }
    const optimistic = /SetValue|Commit/.test(name);
    drifting[name] = (...a: string[]): string => {
      const ret = method(...a);
      reported = latest;
      latest = realLastError();
      return optimistic ? "true" : ret;
    };
  }
  if (api.version) drifting.version = api.version;
  return Object.freeze(drifting) as reference.ApiFacade;
}
