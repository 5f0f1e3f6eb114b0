// Publishing a package folder somewhere a browser can fetch it: the contract, and the walk over its files with
// progress reported after every file.
import { stat } from "node:fs/promises";
import path from "node:path";
import { listPackageFiles } from "../package-tree.ts";

export interface PublishProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface PublishedPackage {
  /** Public URL of the package folder, ending with "/". */
  baseUrl: string;
  /** Public URL of its imsmanifest.xml (what a "CDN URL" activity is created from). */
  manifestUrl: string;
  files: string[];
  bytes: number;
}

export interface PackagePublisher {
  publish(
    name: string,
    sourceDir: string,
    onProgress?: (progress: PublishProgress) => void,
  ): Promise<PublishedPackage>;
}

export interface PackageFile {
  /** Path relative to the package root, forward slashes. */
  path: string;
  absolute: string;
  size: number;
}

export function assertPackageName(name: string): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`Bad package name "${name}": use a-z, 0-9 and "-".`);
}

export async function packageFiles(sourceDir: string): Promise<PackageFile[]> {
  const out: PackageFile[] = [];
  for (const file of await listPackageFiles(sourceDir)) {
    const absolute = path.join(sourceDir, ...file.split("/"));
    out.push({ path: file, absolute, size: (await stat(absolute)).size });
  }
  return out;
}

/** Calls `put` for each file in turn, reporting progress after each, and describes the result. */
export async function publishFiles(
  baseUrl: string,
  sourceDir: string,
  put: (file: PackageFile) => Promise<void>,
  onProgress?: (progress: PublishProgress) => void,
): Promise<PublishedPackage> {
  const files = await packageFiles(sourceDir);
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  let bytesDone = 0;
  for (const [i, file] of files.entries()) {
    await put(file);
    bytesDone += file.size;
    onProgress?.({ file: file.path, filesDone: i + 1, filesTotal: files.length, bytesDone, bytesTotal });
  }
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return {
    baseUrl: base,
    manifestUrl: new URL("imsmanifest.xml", base).href,
    files: files.map((f) => f.path),
    bytes: bytesTotal,
  };
}

export const encodePath = (file: string): string => file.split("/").map(encodeURIComponent).join("/");
