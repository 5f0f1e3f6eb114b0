// P02 on the user's own packages (`--packages`, `--cdn-base`), here self-playing ones (their SCOs initialise on
// load): a folder of a zip and a package folder plays through the bridge, and so does a package already under a
// CDN base; a package whose SCO never initialises, an invalid zip, and a package missing from the CDN base each
// fail with their reason.
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { buildPackage } from "../../harness/packages/package-build/build-packages.ts";
import { FolderPublisher } from "../../harness/packages/publish/folder-publisher.ts";
import { userPackages } from "../../harness/packages/user-packages.ts";
import { playUserPackages } from "../../harness/properties/user-package-play.ts";

const SCO_TIMEOUT_MS = 20_000;

const SILENT_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="silent" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Silent</title>
    <item identifier="i" identifierref="r"><title>Never initialises</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html">
    <file href="index.html"/></resource></resources>
</manifest>`;

let work: string;
test.beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "esb-user-packages-"));
});
test.afterEach(async () => rm(work, { recursive: true, force: true }));

test("a folder of a zip and a package folder: versions detected as declared, every SCO plays", async ({
  browser,
  stack,
  lms,
}) => {
  test.setTimeout(180_000);
  const built = path.join(work, "built");
  const mine = path.join(work, "mine");
  await mkdir(mine, { recursive: true });
  const single12 = await buildPackage("limits-suspend-data-12", built);
  const single2004 = await buildPackage("limits-suspend-data-2004", built);
  await cp(single12.zip, path.join(mine, "course one.zip"));
  await cp(single2004.dir, path.join(mine, "course-two"), { recursive: true });

  const packages = await userPackages({ kind: "folder", location: mine }, path.join(work, "extracted"));
  expect(packages.map((p) => p.name)).toEqual(["course-one", "course-two"]);
  const failures = await playUserPackages({ browser, stack, lms, scoTimeoutMs: SCO_TIMEOUT_MS }, packages);
  expect(failures).toEqual([]);
});

test("a package already under --cdn-base plays from there; one missing there fails, naming the URL", async ({
  browser,
  stack,
  lms,
}) => {
  test.setTimeout(120_000);
  const built = await buildPackage("limits-suspend-data-2004", path.join(work, "built"));
  await new FolderPublisher(stack.storageDir, `${stack.origins.cdn}/packages`).publish(
    "on-the-cdn",
    built.dir,
  );
  const mine = path.join(work, "mine");
  await cp(built.dir, path.join(mine, "on-the-cdn"), { recursive: true });
  await cp(built.dir, path.join(mine, "not-uploaded"), { recursive: true });

  const packages = await userPackages({ kind: "folder", location: mine }, path.join(work, "extracted"));
  const failures = await playUserPackages(
    { browser, stack, lms, cdnBase: stack.origins.cdn, scoTimeoutMs: SCO_TIMEOUT_MS },
    packages,
  );
  expect(failures).toHaveLength(1);
  expect(failures[0]).toContain(`not-uploaded: `);
  expect(failures[0]).toContain(`${stack.origins.cdn}/packages/not-uploaded/imsmanifest.xml`);

  // The same package named by its manifest URL (--packages https://…/imsmanifest.xml) plays where it is.
  const byUrl = await userPackages(
    { kind: "url", location: `${stack.origins.cdn}/packages/on-the-cdn/imsmanifest.xml` },
    path.join(work, "by-url"),
  );
  expect(await playUserPackages({ browser, stack, lms, scoTimeoutMs: SCO_TIMEOUT_MS }, byUrl)).toEqual([]);
});

test("a SCO that never initialises and an invalid zip fail with their reasons", async ({
  browser,
  stack,
  lms,
}) => {
  test.setTimeout(120_000);
  const mine = path.join(work, "mine");
  await mkdir(path.join(mine, "silent"), { recursive: true });
  await writeFile(path.join(mine, "silent", "imsmanifest.xml"), SILENT_MANIFEST);
  await writeFile(
    path.join(mine, "silent", "index.html"),
    "<!doctype html><title>silent</title><p>No API calls.",
  );
  await writeFile(path.join(mine, "broken.zip"), "PK not really a zip");

  const packages = await userPackages({ kind: "folder", location: mine }, path.join(work, "extracted"));
  const failures = await playUserPackages({ browser, stack, lms, scoTimeoutMs: 5_000 }, packages);
  expect(failures).toHaveLength(2);
  expect(failures[0]).toMatch(/^broken: broken\.zip is not a valid SCORM package \(/);
  expect(failures[1]).toMatch(
    /^silent SCO i: .*did not call LMSInitialize through the bridge within 5000 ms/,
  );
});
