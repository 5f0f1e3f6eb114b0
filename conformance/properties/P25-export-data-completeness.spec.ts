// P25 Export data completeness.
// Requirement: the activity's download (report.php?download=CSV, tab-separated as mod_scorm writes it) holds one
// row per stored learner × SCO × attempt × element with the identical value — decrypted for the teacher where the
// LMS stores it encrypted — and nothing else: rows exported = rows stored.
// Observes: SQL (every learner's tracks), the teacher's download in the browser, and what the probe SCO wrote.
import { openLmsPage } from "../../harness/attacker/lms-api-from-page.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnActivity, LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { canonicalRows, expectedExportRows, writtenKey } from "../../harness/oracles/export-rows.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import type { ProbeCall } from "../../harness/probe/probe-client.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { propertyTestTitle, requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { exportArbitrary, exportExamples, type ExportAttempt } from "../generators/export-arbitrary.ts";

const META = requireProperty("P25");
const LOCATION = { "1.2": "cmi.core.lesson_location", "2004": "cmi.location" } as const;
const SCORE = { "1.2": "cmi.core.score.raw", "2004": "cmi.score.raw" } as const;

function attemptSession(version: "1.2" | "2004", a: ExportAttempt): ProbeCall[] {
  const api = SCORM_API[version];
  return [
    [api.init, ""],
    [api.set, "cmi.suspend_data", a.suspendData],
    [api.set, LOCATION[version], a.location],
    [api.set, SCORE[version], String(a.score)],
    [api.set, api.progressStatus, "completed"],
    [api.set, api.exit, "suspend"],
    [api.commit, ""],
    [api.finish, ""],
  ];
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P25 course");
  const activities = await createProbeActivities(stack, lms, course, "p25");
  const teacher = await lms.createUser();
  await lms.enrol(teacher, course, "editingteacher");
  const teacherPage = await openLmsPage(browser, lms, teacher);
  /** Every learner who stored anything in each activity, and the plaintexts their SCOs wrote. */
  const learnersOf = new Map<CdnActivity, LmsUser[]>();
  const written = new Map<string, string>();

  try {
    await runProperty(
      testInfo,
      META,
      exportArbitrary(),
      async (c) => {
        const activity = activities[c.version];
        await lms.setEncryptionAtRest({
          encrypt: c.encrypt,
          sensitiveElements: [LOCATION["1.2"], LOCATION["2004"]],
        });
        for (const attempts of c.learners) {
          const learner = await lms.createUser();
          await lms.enrol(learner, course);
          learnersOf.set(activity, [...(learnersOf.get(activity) ?? []), learner]);
          for (const [i, a] of attempts.entries()) {
            const session = await openLearnerSession(
              browser,
              lms,
              stack.origins.cdn,
              activity,
              learner,
              0,
              undefined,
              {
                newAttempt: i > 0,
              },
            );
            try {
              const results = await session.probe.run(attemptSession(c.version, a));
              expect(
                results.filter((r) => r.ret !== "true"),
                "the attempt's calls succeed",
              ).toEqual([]);
              await eventually(
                () => lms.tracks(activity, learner),
                (rs) => rs.some((r) => r.attempt === i + 1 && /exit$/.test(r.element)),
              );
            } finally {
              await session.close();
            }
            written.set(writtenKey(learner.username, i + 1, "cmi.suspend_data"), a.suspendData);
            written.set(writtenKey(learner.username, i + 1, LOCATION[c.version]), a.location);
          }
        }

        const stored = await Promise.all(
          (learnersOf.get(activity) ?? []).map(async (l) => ({
            username: l.username,
            tracks: await lms.tracks(activity, l),
          })),
        );
        const identifier = new Map(activity.scoes.map((s) => [s.id, s.identifier]));
        const expected = expectedExportRows(stored, (scoid) => identifier.get(scoid) ?? `#${scoid}`, written);
        const exported = await lms.exportTracks(teacherPage.page, activity);
        expect(exported.length, "rows exported = rows stored").toBe(expected.length);
        expect(
          canonicalRows(exported),
          "the export holds exactly the stored tracks, values identical",
        ).toEqual(canonicalRows(expected));
      },
      { defaultRuns: 2, examples: exportExamples() },
    );
  } finally {
    await lms.setEncryptionAtRest({ encrypt: false });
    await teacherPage.close();
  }
});
