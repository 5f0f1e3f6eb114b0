// Publishing: to the mock CDN's storage folder (then served by the mock CDN) and to an S3-compatible bucket (an
// in-process fake), byte for byte, with content types, and progress after every file up to the totals.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createMockCdn } from "../../harness/cdn/mock-cdn.ts";
import { FolderPublisher } from "../../harness/packages/publish/folder-publisher.ts";
import type { PublishProgress } from "../../harness/packages/publish/publisher.ts";
import { S3Publisher } from "../../harness/packages/publish/s3-publisher.ts";
import { startFakeS3 } from "../support/fake-s3.ts";

let work: string;
let source: string;
const media = randomBytes(3 * 1024 * 1024);
const files: Record<string, Buffer> = {
  "imsmanifest.xml": Buffer.from("<manifest/>"),
  "sco/index.html": Buffer.from("<!doctype html><p>é</p>"),
  "sco/app.js": Buffer.from("console.log(1)"),
  "media/clip one.mp4": media,
};

test.beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "esb-publish-"));
  source = path.join(work, "src");
  for (const [file, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(source, file)), { recursive: true });
    await writeFile(path.join(source, file), body);
  }
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function expectProgress(events: PublishProgress[]): void {
  const total = Object.values(files).reduce((s, b) => s + b.length, 0);
  expect(events.map((e) => e.filesDone)).toEqual([1, 2, 3, 4]);
  expect(events.every((e) => e.filesTotal === 4 && e.bytesTotal === total)).toBe(true);
  expect(events.at(-1)?.bytesDone).toBe(total);
  for (let i = 1; i < events.length; i++)
    expect(events[i]!.bytesDone).toBeGreaterThan(events[i - 1]!.bytesDone);
}

test("publishing to the mock CDN's storage: files land byte for byte and the CDN serves the manifest URL", async () => {
  const storage = path.join(work, "storage");
  const cdn = createMockCdn({ storageDir: storage, bridgeDir: work, lmsOrigin: () => "https://lms.test" });
  const server: Server = await new Promise((resolve) => {
    const s = cdn.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const events: PublishProgress[] = [];
    const published = await new FolderPublisher(storage, `${origin}/packages`).publish(
      "golf-1",
      source,
      (p) => events.push(p),
    );
    expect(published.manifestUrl).toBe(`${origin}/packages/golf-1/imsmanifest.xml`);
    expect(published.files.sort()).toEqual(Object.keys(files).sort());
    expectProgress(events);
    for (const [file, body] of Object.entries(files)) {
      expect((await readFile(path.join(storage, "golf-1", file))).equals(body), file).toBe(true);
    }
    const served = await fetch(new URL("media/clip%20one.mp4", published.baseUrl));
    expect(Buffer.from(await served.arrayBuffer()).equals(media)).toBe(true);
    expect((await fetch(published.manifestUrl)).status).toBe(200);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test("publishing to an S3-compatible bucket: one PUT per file with its content type, served from the public base URL", async () => {
  const s3 = await startFakeS3();
  const publisher = new S3Publisher({
    bucket: "courses",
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "test", secretAccessKey: "test-secret" },
    prefix: "scorm/",
    publicBaseUrl: `${s3.endpoint}/courses/scorm`,
    cacheControl: "public, max-age=300",
  });
  try {
    const events: PublishProgress[] = [];
    const published = await publisher.publish("golf-1", source, (p) => events.push(p));
    expectProgress(events);
    expect(s3.requests.filter((r) => r.startsWith("PUT")).sort()).toEqual(
      Object.keys(files)
        .map((f) => `PUT /courses/scorm/golf-1/${f.split("/").map(encodeURIComponent).join("/")}`)
        .sort(),
    );
    for (const [file, body] of Object.entries(files)) {
      const object = s3.objects.get(`courses/scorm/golf-1/${file}`);
      expect(object?.body.equals(body), file).toBe(true);
      expect(object?.cacheControl).toBe("public, max-age=300");
    }
    expect(s3.objects.get("courses/scorm/golf-1/sco/index.html")?.contentType).toBe(
      "text/html; charset=utf-8",
    );
    expect(s3.objects.get("courses/scorm/golf-1/media/clip one.mp4")?.contentType).toBe("video/mp4");
    expect(published.manifestUrl).toBe(`${s3.endpoint}/courses/scorm/golf-1/imsmanifest.xml`);
    expect(await (await fetch(published.manifestUrl)).text()).toBe("<manifest/>");
  } finally {
    publisher.close();
    await s3.close();
  }
});

test("a package name that could climb out of the storage folder is refused", async () => {
  await expect(
    new FolderPublisher(path.join(work, "storage"), "https://cdn.test/packages").publish("../x", source),
  ).rejects.toThrow(/Bad package name/);
});
