// How a package-under-test is assembled from its source folder: which shared folders (the probe SCO, the
// filler) are copied in and where, and which large files are generated at build time instead of committed.
// Read from the package's optional build.json, which never ends up in the package itself.
import { readFile } from "node:fs/promises";
import path from "node:path";

export const RECIPE_FILE = "build.json";

export interface GeneratedFile {
  path: string;
  bytes: number;
  /** Seed of the deterministic byte stream (harness/bench/media-file.ts). */
  seed: number;
}

export interface PackageRecipe {
  /** Shared folders ("probe") or single shared files ("probe/probe.js") under packages-under-test/_shared. */
  shared: string[];
  /** Folder inside the package the shared files go into ("" for the root, else ending with "/"). */
  sharedInto: string;
  generated: GeneratedFile[];
}

const DEFAULT_RECIPE: PackageRecipe = { shared: ["probe"], sharedInto: "", generated: [] };

function check(recipe: PackageRecipe, file: string): PackageRecipe {
  const safe = (p: string) => /^(?:[a-z0-9_-]+\/)*[a-z0-9_.-]*$/i.test(p) && !p.split("/").includes("..");
  if (!safe(recipe.sharedInto) || (recipe.sharedInto && !recipe.sharedInto.endsWith("/"))) {
    throw new Error(`${file}: sharedInto must be a relative folder ending with "/"`);
  }
  for (const g of recipe.generated) {
    if (!safe(g.path) || !Number.isSafeInteger(g.bytes) || g.bytes < 0 || !Number.isSafeInteger(g.seed)) {
      throw new Error(`${file}: bad generated file ${JSON.stringify(g)}`);
    }
  }
  for (const s of recipe.shared)
    if (!/^[a-z0-9-]+(?:\/[a-z0-9_.-]+)?$/.test(s)) throw new Error(`${file}: bad shared folder "${s}"`);
  return recipe;
}

export async function readRecipe(sourceDir: string): Promise<PackageRecipe> {
  const file = path.join(sourceDir, RECIPE_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_RECIPE;
    throw error;
  }
  const raw = JSON.parse(text) as Partial<PackageRecipe>;
  return check({ ...DEFAULT_RECIPE, ...raw }, file);
}
