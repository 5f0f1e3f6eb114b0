// Bundle sizes: builds the reference bridge into a folder and gzips its bundles at level 9. The frame target
// applies to what a session loads in the frame: frame.js plus the runtime of the package's version.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { referenceBridge } from "../bridges/reference-bridge.ts";
import { atMost, info, type Metric } from "./metric.ts";

const KIB = 1024;

export interface BundleSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

async function measure(dir: string, file: string): Promise<BundleSize> {
  const bytes = await readFile(path.join(dir, file));
  return { file, rawBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
}

/** Builds the bridge into `outDir` (which the caller owns) and measures both bundles. */
export async function buildAndMeasureBundles(
  outDir: string,
): Promise<{ dir: string; sizes: BundleSize[]; buildMs: number }> {
  const started = performance.now();
  const built = await referenceBridge.build(outDir);
  const buildMs = performance.now() - started;
  const files = ["frame.js", "runtime-12.js", "runtime-2004.js", "bridge-lms.js"];
  const sizes = await Promise.all(files.map((file) => measure(built.dir, file)));
  return { dir: built.dir, sizes, buildMs };
}

const FRAME_LIMIT_KIB = 60;
const LMS_LIMIT_KIB = 10;

export function bundleMetrics(sizes: BundleSize[]): Metric[] {
  const size = (file: string): BundleSize => {
    const found = sizes.find((s) => s.file === file);
    if (!found) throw new Error(`No size for ${file}`);
    return found;
  };
  const frame = size("frame.js");
  const perVersion = (label: string, runtime: string): Metric[] => {
    const r = size(runtime);
    return [
      atMost(
        `frame + ${label} runtime gzipped`,
        (frame.gzipBytes + r.gzipBytes) / KIB,
        "KiB",
        FRAME_LIMIT_KIB,
        `<= ${FRAME_LIMIT_KIB} KiB`,
      ),
      info(`frame + ${label} runtime minified`, (frame.rawBytes + r.rawBytes) / KIB, "KiB"),
    ];
  };
  const lms = size("bridge-lms.js");
  return [
    info("frame.js gzipped (without runtime)", frame.gzipBytes / KIB, "KiB"),
    ...perVersion("1.2", "runtime-12.js"),
    ...perVersion("2004", "runtime-2004.js"),
    atMost("bridge-lms.js gzipped", lms.gzipBytes / KIB, "KiB", LMS_LIMIT_KIB, `<= ${LMS_LIMIT_KIB} KiB`),
    info("bridge-lms.js minified", lms.rawBytes / KIB, "KiB"),
  ];
}
