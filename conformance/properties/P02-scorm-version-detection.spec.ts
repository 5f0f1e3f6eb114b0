// P02 SCORM version detection.
// Requirement: for every valid package the LMS detects the version its manifest declares (schemaversion in
// its usual spellings, or the namespaces when it is missing), and at launch the SCO's standard API discovery
// finds exactly window.API (1.2) or exactly window.API_1484_11 (2004) on the bridge frame, never both.
// Observes: the LMS's scorm.version column (SQL via the driver) and the probe SCO's discovery in the browser.
// With --packages (ESB_PACKAGES), every package given is checked too: the version its manifest declares, and each
// SCO finding exactly that API global on the bridge frame, initialising and storing through it (published to the
// stack's CDN, or already under --cdn-base / ESB_CDN_BASE at <base>/packages/<name>/).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { playUserPackages } from "../../harness/properties/user-package-play.ts";
import { packagesSetting, userPackages } from "../../harness/packages/user-packages.ts";
import {
  buildProbeManifest,
  manifestArbitrary,
  type GeneratedManifest,
} from "../generators/manifest-arbitrary.ts";

const META = requireProperty("P02");
const EXPECTED_COLUMN = { "1.2": "SCORM_1.2", "2004": "SCORM_1.3" } as const;
const EXPECTED_GLOBAL = { "1.2": "API", "2004": "API_1484_11" } as const;

const ids = { manifestId: "M", orgId: "O", itemId: "I", resId: "R", orgTitle: "Org", itemTitle: "Item" };
const EXAMPLES: GeneratedManifest[] = [
  { version: "1.2", schemaversion: "1.2", xml: buildProbeManifest("1.2", "1.2", ids) },
  {
    version: "2004",
    schemaversion: "2004 4th Edition",
    xml: buildProbeManifest("2004", "2004 4th Edition", ids),
  },
  { version: "2004", schemaversion: null, xml: buildProbeManifest("2004", null, ids) },
];

let packageCounter = 0;
const SCO_PLAY_TIMEOUT_MS = 60_000;

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P02 course");
  const user = await lms.createUser();
  await lms.enrol(user, course);

  await runProperty(
    testInfo,
    META,
    manifestArbitrary(),
    async (generated) => {
      const manifestUrl = await stack.publishProbePackage(`p02-${packageCounter++}`, generated.xml);
      const activity = await lms.createCdnActivity(course, "P02 activity", manifestUrl);
      expect(
        activity.version,
        `version detected from schemaversion ${JSON.stringify(generated.schemaversion)}`,
      ).toBe(EXPECTED_COLUMN[generated.version]);
      const session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, user);
      try {
        const discovery = await session.probe.discovery();
        expect(discovery.found, "the SCO found an API").not.toBeNull();
        expect(discovery.found?.level, "the API was found on the SCO's parent, the bridge frame").toBe(1);
        expect(discovery.found?.names, "exactly the API global of the declared version").toEqual([
          EXPECTED_GLOBAL[generated.version],
        ]);
        const visible = discovery.levels.flatMap((l) => l.names);
        expect(visible, "no other window the SCO can reach exposes an API").toEqual([
          EXPECTED_GLOBAL[generated.version],
        ]);
      } finally {
        await session.close();
      }
    },
    { defaultRuns: 8, examples: EXAMPLES },
  );

  const setting = packagesSetting(process.env.ESB_PACKAGES);
  if (!setting) return;
  const work = await mkdtemp(path.join(os.tmpdir(), "esb-p02-packages-"));
  try {
    const packages = await userPackages(setting, work);
    testInfo.setTimeout(testInfo.timeout + packages.length * 4 * SCO_PLAY_TIMEOUT_MS);
    const failures = await playUserPackages(
      { browser, stack, lms, cdnBase: process.env.ESB_CDN_BASE, scoTimeoutMs: SCO_PLAY_TIMEOUT_MS },
      packages,
    );
    expect(failures, `the packages under test (${packages.map((p) => p.name).join(", ")})`).toEqual([]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
