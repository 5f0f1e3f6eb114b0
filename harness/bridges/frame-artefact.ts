// The bridge frame page as a deployable artefact: frame-manifest.json beside frame.html names the bridge version
// (from the page's esb-bridge-version meta tag) and a SHA-256 integrity hash of every file a CDN must serve, and one
// over them all. `certify` compares what a CDN serves with it.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const FRAME_MANIFEST_FILE = "frame-manifest.json";
export const FRAME_PAGE_FILE = "frame.html";
/** Every file under /bridge/ on the CDN. */
export const FRAME_FILES = [FRAME_PAGE_FILE, "frame.js", "runtime-12.js", "runtime-2004.js"] as const;

export interface FrameManifest {
  name: "scorm-bridge-frame";
  version: string;
  /** File name → "sha256-<base64>" (the Subresource Integrity format). */
  files: Record<string, string>;
  /** SHA-256 over the sorted "name integrity" lines. */
  integrity: string;
}

export const sha256Integrity = (bytes: Uint8Array | string): string =>
  `sha256-${createHash("sha256").update(bytes).digest("base64")}`;

/** The version a frame page declares in <meta name="esb-bridge-version">, or null. */
export function frameVersionOf(html: string): string | null {
  const meta = /<meta\s+name="esb-bridge-version"\s+content="([^"]*)"/i.exec(html);
  return meta ? (meta[1] ?? null) : null;
}

export function overallIntegrity(files: Record<string, string>): string {
  const lines = Object.keys(files)
    .sort()
    .map((name) => `${name} ${files[name]}\n`)
    .join("");
  return sha256Integrity(lines);
}

export async function buildFrameManifest(dir: string): Promise<FrameManifest> {
  const files: Record<string, string> = {};
  // A bridge without on-demand runtimes (the scorm-again-crossframe comparison bridge) lists only what it has.
  const present = new Set(await readdir(dir));
  for (const name of FRAME_FILES)
    if (name === FRAME_PAGE_FILE || name === "frame.js" || present.has(name))
      files[name] = sha256Integrity(await readFile(path.join(dir, name)));
  const version = frameVersionOf(await readFile(path.join(dir, FRAME_PAGE_FILE), "utf8"));
  if (!version) throw new Error(`${FRAME_PAGE_FILE} in ${dir} declares no esb-bridge-version`);
  return { name: "scorm-bridge-frame", version, files, integrity: overallIntegrity(files) };
}

export async function writeFrameManifest(dir: string): Promise<FrameManifest> {
  const manifest = await buildFrameManifest(dir);
  await writeFile(path.join(dir, FRAME_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
