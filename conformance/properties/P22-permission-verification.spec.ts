// P22 Permission verification.
// Requirement: every LMS API operation checks the right capability for the current user in the activity's context
// (launch: view/launch; commit: save tracks); without it the call fails with a clear error and nothing is stored.
// Observes: the LMS API's answers to calls from the user's own LMS page, and through SQL the launches and tracks
// stored. Capabilities are changed through the LMS driver (role overrides in the activity's context); every
// standard course role has both capabilities by default (mod/scorm/db/access.php).
// Not covered yet: reports/export (view reports) and reset (delete responses) have no LMS API operation so far.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  COMMIT_METHOD,
  LAUNCH_METHOD,
  callLmsApi,
  openLmsPage,
} from "../../harness/attacker/lms-api-from-page.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { PROBE_PACKAGES } from "../../harness/probe/probe-activities.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { permissionCaseArbitrary, type PermissionCase } from "../generators/permission-case-arbitrary.ts";

const META = requireProperty("P22");

const CAPABILITY = {
  launch: "local/externalscormbridge:launch",
  commit: "mod/scorm:savetrack",
} as const;

/** Allowed unless the user's own role is prevented or prohibited. */
const allowed = (c: PermissionCase): boolean =>
  c.overridden !== c.role || c.permission === "inherit" || c.permission === "allow";

const EXAMPLES: PermissionCase[] = [
  { role: "student", operation: "commit", permission: "prohibit", overridden: "student" },
  { role: "editingteacher", operation: "commit", permission: "prevent", overridden: "editingteacher" },
  { role: "student", operation: "launch", permission: "prevent", overridden: "student" },
  { role: "manager", operation: "launch", permission: "prohibit", overridden: "student" },
  { role: "teacher", operation: "commit", permission: "allow", overridden: "teacher" },
];

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  test.setTimeout(120_000);
  const course = await lms.createCourse("P22 course");
  const manifest = await readFile(path.join(PACKAGES_DIR, PROBE_PACKAGES["1.2"], "imsmanifest.xml"), "utf8");
  const manifestUrl = await stack.publishProbePackage(`p22-${PROBE_PACKAGES["1.2"]}`, manifest);
  let n = 0;

  await runProperty(
    testInfo,
    META,
    permissionCaseArbitrary(),
    async (c) => {
      const activity = await lms.createCdnActivity(course, `P22 activity ${++n}`, manifestUrl);
      const user = await lms.createUser();
      await lms.enrol(user, course, c.role);
      await lms.overrideCapability(activity, c.overridden, CAPABILITY[c.operation], c.permission);
      const page = await openLmsPage(browser, lms, user);
      try {
        const what = `${c.operation} by a ${c.role} with ${CAPABILITY[c.operation]} ${c.permission} for ${c.overridden}`;
        const launch = await callLmsApi(page.page, LAUNCH_METHOD, {
          cmid: activity.cmid,
          scoid: activity.scoes[0]!.id,
        });
        if (c.operation === "launch") {
          expect(launch.error, `${what}: ${allowed(c) ? "allowed" : "refused"}`).toBe(!allowed(c));
          if (!allowed(c)) {
            expect(launch.exception?.errorcode ?? "", `${what}: a clear error`).toMatch(/^[a-z_]+$/);
            expect(await lms.launches(activity, user), `${what}: no launch stored`).toEqual([]);
            expect(await lms.tracks(activity, user), `${what}: nothing stored`).toEqual([]);
          }
          return;
        }
        expect(launch.error, `${what}: launching is still allowed`).toBe(false);
        const launchid = (launch.data as { launchid: string }).launchid;
        const commit = await callLmsApi(page.page, COMMIT_METHOD, {
          launchid,
          ops: [
            { seq: 1, element: "cmi.core.lesson_location", value: "page 7" },
            { seq: 2, element: "cmi.core.score.raw", value: "64" },
          ],
        });
        expect(commit.error, `${what}: ${allowed(c) ? "allowed" : "refused"}`).toBe(!allowed(c));
        const stored = await lms.tracks(activity, user);
        if (allowed(c)) {
          expect(stored.find((r) => r.element === "cmi.core.score.raw")?.value, `${what}: stored`).toBe("64");
        } else {
          expect(commit.exception?.errorcode ?? "", `${what}: a clear error`).toMatch(/^[a-z_]+$/);
          expect(commit.exception?.message ?? "", `${what}: says why`).not.toBe("");
          expect(stored, `${what}: nothing stored`).toEqual([]);
        }
      } finally {
        await page.close();
      }
    },
    { defaultRuns: 8, examples: EXAMPLES },
  );
});
