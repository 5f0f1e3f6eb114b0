// Publishes into a local folder served by a CDN (the mock CDN's storage): <storageDir>/<name>/..., streamed
// file by file, with the public URL the CDN serves it under.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertPackageName, encodePath, publishFiles, type PackagePublisher } from "./publisher.ts";

export class FolderPublisher implements PackagePublisher {
  constructor(
    private readonly storageDir: string,
    /** Public URL of the storage folder, e.g. https://cdn.test/packages */
    private readonly publicBaseUrl: string,
  ) {}

  async publish(name: string, sourceDir: string, onProgress?: Parameters<PackagePublisher["publish"]>[2]) {
    assertPackageName(name);
    const target = path.join(this.storageDir, name);
    await rm(target, { recursive: true, force: true });
    const base = `${this.publicBaseUrl.replace(/\/$/, "")}/${encodePath(name)}/`;
    return publishFiles(
      base,
      sourceDir,
      async (file) => {
        const out = path.join(target, ...file.path.split("/"));
        await mkdir(path.dirname(out), { recursive: true });
        await pipeline(createReadStream(file.absolute), createWriteStream(out));
      },
      onProgress,
    );
  }
}
