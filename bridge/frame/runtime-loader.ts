// Loads only the SCORM runtime the package's version needs: runtime-12.js or runtime-2004.js, served beside
// the frame page, each registering its scorm-again class here.
import type { ScormVersion } from "../protocol/messages.ts";

export type RuntimeConstructor = new (settings: Record<string, unknown>) => object;

const FILES: Record<ScormVersion, string> = { "1.2": "runtime-12.js", "2004": "runtime-2004.js" };

type Registry = Partial<Record<ScormVersion, RuntimeConstructor>>;

function registry(): Registry {
  const w = window as unknown as { __esbRuntimes?: Registry };
  w.__esbRuntimes ??= {};
  return w.__esbRuntimes;
}

export function registerRuntime(version: ScormVersion, runtime: RuntimeConstructor): void {
  registry()[version] = runtime;
}

export function loadRuntime(version: ScormVersion): Promise<RuntimeConstructor> {
  const loaded = registry()[version];
  if (loaded) return Promise.resolve(loaded);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(FILES[version], window.location.href).href;
    script.onload = () => {
      const runtime = registry()[version];
      if (runtime) resolve(runtime);
      else reject(new Error(`${FILES[version]} did not register the SCORM ${version} runtime`));
    };
    script.onerror = () =>
      reject(new Error(`The SCORM ${version} runtime (${FILES[version]}) could not be loaded`));
    document.head.appendChild(script);
  });
}
