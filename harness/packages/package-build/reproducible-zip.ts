// Zips a folder so that the same files always give the same bytes: entries sorted by path, one fixed DOS
// timestamp, fixed permissions, no extra timestamp fields; media that will not shrink is stored, the rest
// deflated.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { ZipFile } from "yazl";
import { listPackageFiles } from "../package-tree.ts";

const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);
const STORED = /\.(?:bin|mp4|webm|mp3|jpe?g|png|gif|webp|zip|woff2?)$/i;

export async function zipFolderReproducibly(folder: string, zipPath: string): Promise<string[]> {
  const files = await listPackageFiles(folder);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const zip = new ZipFile();
  for (const file of files) {
    zip.addFile(path.join(folder, ...file.split("/")), file, {
      mtime: FIXED_TIME,
      mode: 0o100644,
      compress: !STORED.test(file),
      forceDosTimestamp: true,
    });
  }
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, "close");
  return files;
}
