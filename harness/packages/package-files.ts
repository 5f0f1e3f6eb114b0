// Where packages-under-test live, and probe packages whose manifest a generator wrote (the built
// packages-under-test come from package-build/build-packages.ts).
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PACKAGES_DIR = path.join(PROJECT_ROOT, "packages-under-test");
const SHARED_PROBE = path.join(PACKAGES_DIR, "_shared", "probe");

/** Writes a package made of a generated manifest and the probe SCO. */
export async function writeProbePackage(outDir: string, manifestXml: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await cp(SHARED_PROBE, outDir, { recursive: true });
  await writeFile(path.join(outDir, "imsmanifest.xml"), manifestXml, "utf8");
}
