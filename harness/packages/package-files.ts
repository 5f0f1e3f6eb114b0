// Assembles packages-under-test into servable folders: each package's own files plus the shared probe SCO,
// and packages whose manifest a generator wrote.
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PACKAGES_DIR = path.join(PROJECT_ROOT, "packages-under-test");
const SHARED_PROBE = path.join(PACKAGES_DIR, "_shared", "probe");

export async function listSourcePackages(): Promise<string[]> {
  const entries = await readdir(PACKAGES_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("_"))
    .map((e) => e.name)
    .sort();
}

/** Copies a source package and the shared probe files into `outDir`. */
export async function assemblePackage(name: string, outDir: string): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Bad package name ${name}`);
  await mkdir(outDir, { recursive: true });
  await cp(SHARED_PROBE, outDir, { recursive: true });
  await cp(path.join(PACKAGES_DIR, name), outDir, { recursive: true });
}

/** Writes a package made of a generated manifest and the probe SCO. */
export async function writeProbePackage(outDir: string, manifestXml: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await cp(SHARED_PROBE, outDir, { recursive: true });
  await writeFile(path.join(outDir, "imsmanifest.xml"), manifestXml, "utf8");
}
