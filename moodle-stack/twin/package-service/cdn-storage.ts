// Where published packages land: the mock CDN's storage folder (served under <cdn>/packages/<id>/). A package is
// first published into a hidden staging folder (the CDN denies dot-folders) and moved into place with one rename,
// so the CDN never serves half a package and a cancelled or failed job leaves nothing behind.
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { FolderPublisher } from "../../../harness/packages/publish/folder-publisher.ts";
import {
  assertPackageName,
  type PublishedPackage,
  type PublishProgress,
} from "../../../harness/packages/publish/publisher.ts";

export interface CdnStorageOptions {
  /** The CDN's storage folder (the mock CDN's storageDir). */
  dir: string;
  /** Public URL of that folder, e.g. https://cdn.test:1234/packages */
  publicBaseUrl: string;
}

const STAGING = ".staging";

export class CdnStorage {
  private readonly staging: string;

  constructor(private readonly options: CdnStorageOptions) {
    this.staging = path.join(options.dir, STAGING);
  }

  private stagedDir(id: string): string {
    return path.join(this.staging, id);
  }

  /** The folder a published package's files are in. */
  packageDir(id: string): string {
    assertPackageName(id);
    return path.join(this.options.dir, id);
  }

  /** Copies `sourceDir` into staging; `onProgress` runs after every file and may throw to stop the copy. */
  async stage(
    id: string,
    sourceDir: string,
    onProgress: (progress: PublishProgress) => void,
  ): Promise<PublishedPackage> {
    await mkdir(this.staging, { recursive: true });
    const publisher = new FolderPublisher(this.staging, this.options.publicBaseUrl);
    try {
      return await publisher.publish(id, sourceDir, onProgress);
    } catch (error) {
      await this.discardStaged(id);
      throw error;
    }
  }

  /** Moves a staged package into the served folder in one rename. */
  async commit(id: string): Promise<void> {
    await rename(this.stagedDir(id), this.packageDir(id));
  }

  async discardStaged(id: string): Promise<void> {
    assertPackageName(id);
    await rm(this.stagedDir(id), { recursive: true, force: true });
  }

  async remove(id: string): Promise<void> {
    await rm(this.packageDir(id), { recursive: true, force: true });
  }

  async exists(id: string): Promise<boolean> {
    return stat(this.packageDir(id)).then(
      (s) => s.isDirectory(),
      () => false,
    );
  }
}
