// Bundle sizes: builds the reference bridge into a folder and gzips frame.js and bridge-lms.js at level 9.
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
  const sizes = [await measure(built.dir, "frame.js"), await measure(built.dir, "bridge-lms.js")];
  return { dir: built.dir, sizes, buildMs };
}

const LIMITS_KIB: Record<string, number> = { "frame.js": 60, "bridge-lms.js": 10 };

export function bundleMetrics(sizes: BundleSize[]): Metric[] {
  return sizes.flatMap((s) => {
    const limit = LIMITS_KIB[s.file];
    const kib = s.gzipBytes / KIB;
    return [
      limit === undefined
        ? info(`${s.file} gzipped`, kib, "KiB")
        : atMost(`${s.file} gzipped`, kib, "KiB", limit, `<= ${limit} KiB`),
      info(`${s.file} minified`, s.rawBytes / KIB, "KiB"),
    ];
  });
}
