// The media-heavy package for the egress measurement: the probe SCO plus a generated media file, published
// into the CDN storage folder at run time, and the activity that launches it.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { buildProbeManifest } from "../../conformance/generators/manifest-arbitrary.ts";
import type { CdnActivity } from "../lms-driver/lms-driver.ts";
import type { BenchWorld } from "./bench-world.ts";
import { writeMediaFile } from "./media-file.ts";

export const MEDIA_PATH = "media/video.bin";
/** 20 MiB: above the 20 MB the egress scenario asks for. */
export const MEDIA_BYTES = 20 * 1024 * 1024;

export interface MediaPackage {
  name: string;
  dir: string;
  activity: CdnActivity;
  /** Sum of every file's size in the published package. */
  packageBytes: number;
  mediaBytes: number;
}

function mediaManifest(): string {
  const xml = buildProbeManifest("2004", "2004 4th Edition", {
    manifestId: "esb.bench.media",
    orgId: "ORG-1",
    itemId: "ITEM-1",
    resId: "RES-1",
    orgTitle: "Bench media course",
    itemTitle: "Media SCO",
  });
  const probeFile = '<file href="probe.js"/>';
  if (!xml.includes(probeFile)) throw new Error("The probe manifest no longer lists probe.js as expected");
  return xml.replace(probeFile, `${probeFile}<file href="${MEDIA_PATH}"/>`);
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

export async function publishMediaPackage(world: BenchWorld, name = "bench-media"): Promise<MediaPackage> {
  const { stack, lms } = world;
  const manifestUrl = await stack.publishProbePackage(name, mediaManifest());
  const dir = path.join(stack.storageDir, name);
  await writeMediaFile(path.join(dir, MEDIA_PATH), MEDIA_BYTES);
  const activity = await lms.createCdnActivity(world.courseId, "Bench media", manifestUrl);
  return { name, dir, activity, packageBytes: await folderBytes(dir), mediaBytes: MEDIA_BYTES };
}
