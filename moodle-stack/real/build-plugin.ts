// Builds the installable plugin: local_externalscormbridge's PHP with the built bridge LMS-side script
// (bridge-lms.js) beside it, as a folder and, with --zip, as the zip Moodle's plugin installer takes
// (one top-level folder named after the plugin).
// Usage: tsx moodle-stack/real/build-plugin.ts <out folder> [--zip <file.zip>]
import { cp, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yazl from "yazl";
import { bundleBridge } from "../../harness/bridges/bundle-bridge.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PLUGIN_SOURCE = path.join(HERE, "../plugin/local/externalscormbridge");
const PLUGIN_FOLDER = "externalscormbridge";

/** Copies the plugin into outDir/externalscormbridge with the freshly built bridge-lms.js; returns that folder. */
export async function buildPlugin(outDir: string): Promise<string> {
  const target = path.join(outDir, PLUGIN_FOLDER);
  await rm(target, { recursive: true, force: true });
  await cp(PLUGIN_SOURCE, target, { recursive: true });
  const bundleDir = await mkdtemp(path.join(os.tmpdir(), "esb-plugin-bridge-"));
  try {
    await bundleBridge(bundleDir);
    await cp(path.join(bundleDir, "bridge-lms.js"), path.join(target, "bridge-lms.js"));
  } finally {
    await rm(bundleDir, { recursive: true, force: true });
  }
  return target;
}

async function filesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  const nested = await Promise.all(
    names.map(async (name) => {
      const full = path.join(dir, name);
      return (await stat(full)).isDirectory() ? filesUnder(full) : [full];
    }),
  );
  return nested.flat().sort();
}

/** Zips the plugin folder as Moodle's installer expects it: externalscormbridge/… */
export async function zipPlugin(folder: string, zipFile: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const file of await filesUnder(folder))
    zip.addFile(file, path.posix.join(PLUGIN_FOLDER, path.relative(folder, file).split(path.sep).join("/")));
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(zipFile)).on("close", resolve).on("error", reject);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, flag, zipFile] = process.argv.slice(2);
  if (!outDir || (flag !== undefined && (flag !== "--zip" || !zipFile))) {
    process.stderr.write("usage: tsx moodle-stack/real/build-plugin.ts <out folder> [--zip <file.zip>]\n");
    process.exit(2);
  }
  const folder = await buildPlugin(path.resolve(outDir));
  if (zipFile) await zipPlugin(folder, path.resolve(zipFile));
  process.stdout.write(`${folder}${zipFile ? `\n${path.resolve(zipFile)}` : ""}\n`);
}
