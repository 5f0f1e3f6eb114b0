// pnpm build:packages [name ...]: builds the packages-under-test into build/packages-under-test/ (a folder and a
// reproducible zip each) and prints their sizes.
import { stat } from "node:fs/promises";
import path from "node:path";
import { buildPackages } from "../harness/packages/package-build/build-packages.ts";
import { PROJECT_ROOT } from "../harness/packages/package-files.ts";

const outDir = path.join(PROJECT_ROOT, "build", "packages-under-test");
const names = process.argv.slice(2);
const built = await buildPackages(outDir, names.length ? names : undefined);
for (const p of built) {
  const { size } = await stat(p.zip);
  console.log(
    `${p.name.padEnd(34)} ${String(p.files.length).padStart(4)} files  ${String(size).padStart(10)} bytes  ${path.relative(PROJECT_ROOT, p.zip)}`,
  );
}
