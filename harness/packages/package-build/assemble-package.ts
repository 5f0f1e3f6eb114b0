// Assembles a package-under-test into a folder: its own source files (build.json left out), the shared folders
// its recipe names, and its generated files.
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { deterministicBytes } from "../../bench/media-file.ts";
import { PACKAGES_DIR } from "../package-files.ts";
import { readRecipe, RECIPE_FILE } from "./package-recipe.ts";

export const SHARED_DIR = path.join(PACKAGES_DIR, "_shared");

export async function listPackagesUnderTest(): Promise<string[]> {
  const entries = await readdir(PACKAGES_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("_"))
    .map((e) => e.name)
    .sort();
}

export async function assemblePackageUnderTest(name: string, outDir: string): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Bad package name ${name}`);
  const source = path.join(PACKAGES_DIR, name);
  const recipe = await readRecipe(source);
  await mkdir(outDir, { recursive: true });
  for (const shared of recipe.shared) {
    const into = path.join(outDir, recipe.sharedInto);
    const single = shared.includes("/");
    await mkdir(into, { recursive: true });
    await cp(path.join(SHARED_DIR, shared), single ? path.join(into, path.basename(shared)) : into, {
      recursive: true,
    });
  }
  await cp(source, outDir, {
    recursive: true,
    filter: (from) => path.relative(source, from) !== RECIPE_FILE,
  });
  for (const g of recipe.generated) {
    const file = path.join(outDir, ...g.path.split("/"));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, deterministicBytes(g.bytes, g.seed));
  }
}
