// Bundles a bridge's browser code with esbuild. Module substitutions let a mutant replace one module of the
// reference bridge; the replacement may still import the module it replaces.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import type { BuiltBridge } from "./bridge-adapter.ts";
import { writeFrameManifest } from "./frame-artefact.ts";

/** Maps a project-relative module path to the project-relative path of its replacement. */
export type Substitutions = Record<string, string>;

function substitutionPlugin(substitutions: Substitutions): Plugin {
  const byOriginal = new Map(
    Object.entries(substitutions).map(([from, to]) => [
      path.join(PROJECT_ROOT, from),
      path.join(PROJECT_ROOT, to),
    ]),
  );
  const replacements = new Set(byOriginal.values());
  return {
    name: "mutant-substitution",
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const resolved = path.resolve(args.resolveDir, args.path);
        const replacement = byOriginal.get(resolved);
        if (!replacement || replacements.has(args.importer)) return undefined;
        return { path: replacement };
      });
    },
  };
}

/** Bare imports (npm packages, node built-ins) stay imports, resolved from the project so the bundle runs anywhere. */
const externalPackages: Plugin = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => ({
      path: args.path.startsWith("node:") ? args.path : import.meta.resolve(args.path),
      external: true,
    }));
  },
};

/**
 * The plugin's server side (the twin's LMS API and everything it imports) as one ES module, so that a mutant can
 * swap a server-side module too. The stack loads it with import().
 */
async function bundleServerModule(
  entry: string,
  outfile: string,
  substitutions: Substitutions,
): Promise<void> {
  await build({
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
    entryPoints: [path.join(PROJECT_ROOT, entry)],
    outfile,
    plugins: [substitutionPlugin(substitutions), externalPackages],
  });
}

/** The module whose LmsApi class serves local_externalscormbridge's web services. */
export const LMS_PLUGIN_ENTRY = "moodle-stack/twin/lms-api.ts";
export const LMS_PLUGIN_FILE = "lms-plugin.mjs";
/** The bridge's 1.2 <-> 2004 mapping (reports, export, mixed-version courses), exporting mapRecord. */
export const MAPPING_ENTRY = "bridge/mapping/index.ts";
export const MAPPING_FILE = "mapping.mjs";

/** Where bundleBridge put each part of a bridge built into outDir. */
export function builtBridge(outDir: string): BuiltBridge {
  return {
    dir: outDir,
    lmsPlugin: path.join(outDir, LMS_PLUGIN_FILE),
    mapping: path.join(outDir, MAPPING_FILE),
  };
}

/** The browser-side entry points of a bridge, project-relative. */
export interface BridgeSources {
  /** Bundled to frame.js, served by the CDN beside frame.html. */
  frameEntry: string;
  /** Bundled to bridge-lms.js, served by the LMS on the player page. */
  lmsEntry: string;
  /** Bundled to runtime-12.js / runtime-2004.js, loaded by the frame on demand (none when empty). */
  runtimeEntries: Partial<Record<"12" | "2004", string>>;
}

export const REFERENCE_SOURCES: BridgeSources = {
  frameEntry: "bridge/frame/entry.ts",
  lmsEntry: "bridge/lms/entry.ts",
  runtimeEntries: { "12": "bridge/frame/runtime-12.ts", "2004": "bridge/frame/runtime-2004.ts" },
};

export async function bundleBridge(
  outDir: string,
  substitutions: Substitutions = {},
  sources: BridgeSources = REFERENCE_SOURCES,
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const common = {
    bundle: true,
    format: "iife" as const,
    target: "es2020",
    minify: true,
    legalComments: "none" as const,
    logLevel: "error" as const,
    plugins: [substitutionPlugin(substitutions)],
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(PROJECT_ROOT, sources.frameEntry)],
      outfile: path.join(outDir, "frame.js"),
    }),
    build({
      ...common,
      entryPoints: [path.join(PROJECT_ROOT, sources.lmsEntry)],
      outfile: path.join(outDir, "bridge-lms.js"),
    }),
    ...Object.entries(sources.runtimeEntries).map(([v, entry]) =>
      build({
        ...common,
        entryPoints: [path.join(PROJECT_ROOT, entry)],
        outfile: path.join(outDir, `runtime-${v}.js`),
      }),
    ),
    copyFile(path.join(PROJECT_ROOT, "bridge/frame/frame.html"), path.join(outDir, "frame.html")),
    bundleServerModule(LMS_PLUGIN_ENTRY, path.join(outDir, LMS_PLUGIN_FILE), substitutions),
    bundleServerModule(MAPPING_ENTRY, path.join(outDir, MAPPING_FILE), substitutions),
  ]);
  await writeFrameManifest(outDir);
}
