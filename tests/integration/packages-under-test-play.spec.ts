// The packages that fill the data model to its limits do so through the bridge: built, published to the CDN,
// launched, and their commits land in mod_scorm's tables in full (250 interactions, 100 objectives, suspend_data
// of 64,000 / 4,096 characters).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { StoredTrack } from "../../harness/lms-driver/lms-driver.ts";
import { buildPackage } from "../../harness/packages/package-build/build-packages.ts";
import { FolderPublisher } from "../../harness/packages/publish/folder-publisher.ts";
import { eventually } from "../../harness/properties/eventually.ts";

const count = (rows: readonly StoredTrack[], pattern: RegExp) =>
  rows.filter((r) => pattern.test(r.element)).length;
const valueOf = (rows: readonly StoredTrack[], element: string) =>
  rows.find((r) => r.element === element)?.value;

const CASES = [
  {
    name: "limits-interactions-objectives",
    landed: (rows: readonly StoredTrack[]) =>
      count(rows, /^cmi\.interactions\.\d+\.id$/) === 250 &&
      count(rows, /^cmi\.objectives\.\d+\.id$/) === 100,
  },
  {
    name: "limits-suspend-data-2004",
    landed: (rows: readonly StoredTrack[]) => valueOf(rows, "cmi.suspend_data")?.length === 64_000,
  },
  {
    name: "limits-suspend-data-12",
    landed: (rows: readonly StoredTrack[]) => valueOf(rows, "cmi.suspend_data")?.length === 4_096,
  },
];

test("the limit-filling packages fill the data model through the bridge and every value lands", async ({
  browser,
  stack,
  lms,
}) => {
  test.setTimeout(120_000);
  const work = await mkdtemp(path.join(os.tmpdir(), "esb-put-play-"));
  const publisher = new FolderPublisher(stack.storageDir, `${stack.origins.cdn}/packages`);
  const course = await lms.createCourse("Packages under test");
  try {
    for (const c of CASES) {
      const built = await buildPackage(c.name, work);
      const published = await publisher.publish(c.name, built.dir);
      const activity = await lms.createCdnActivity(course, c.name, published.manifestUrl);
      const user = await lms.createUser(`${c.name}-learner`);
      await lms.enrol(user, course);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await lms.login(page, user);
        await page.goto(lms.playerUrl(activity, activity.scoes[0]!.id));
        const title = await eventually(
          async () => {
            const sco = page.frames().find((f) => f.url().startsWith(published.baseUrl));
            return sco ? await sco.evaluate(() => document.title).catch(() => "") : "";
          },
          (t) => /^FILL/.test(t),
          30_000,
          200,
        );
        expect(title, c.name).toMatch(/^FILLED \d+ calls, 0 refused$/);
        const rows = await eventually(() => lms.tracks(activity, user), c.landed, 20_000, 250);
        expect(c.landed(rows), `${c.name}: ${rows.length} rows stored`).toBe(true);
      } finally {
        await context.close();
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
