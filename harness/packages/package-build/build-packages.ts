// Builds every package-under-test: assembled into <outDir>/<name>/ and zipped reproducibly to <outDir>/<name>.zip.
import { rm } from "node:fs/promises";
import path from "node:path";
import { assemblePackageUnderTest, listPackagesUnderTest } from "./assemble-package.ts";
import { zipFolderReproducibly } from "./reproducible-zip.ts";

export interface BuiltPackage {
  name: string;
  dir: string;
  zip: string;
  files: string[];
}

export async function buildPackage(name: string, outDir: string): Promise<BuiltPackage> {
  const dir = path.join(outDir, name);
  const zip = path.join(outDir, `${name}.zip`);
  await rm(dir, { recursive: true, force: true });
  await rm(zip, { force: true });
  await assemblePackageUnderTest(name, dir);
  const files = await zipFolderReproducibly(dir, zip);
  return { name, dir, zip, files };
}

export async function buildPackages(outDir: string, names?: readonly string[]): Promise<BuiltPackage[]> {
  const built: BuiltPackage[] = [];
  for (const name of names ?? (await listPackagesUnderTest())) built.push(await buildPackage(name, outDir));
  return built;
}
