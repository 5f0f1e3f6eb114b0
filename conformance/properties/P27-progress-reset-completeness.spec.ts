// P27 Progress reset completeness.
// Requirement: after a reset — one learner's attempts, every attempt of the activity, or course reset — every
// track, attempt, grade and completion in scope is gone and everything out of scope is untouched; the next launch
// starts fresh (entry ab-initio, empty suspend_data, attempt 1), and an op queued before the reset (sent again
// with its old launch id) is refused and stores nothing.
// Observes: SQL (tracks, launches, gradebook, completion), the teacher's report and reset pages in the browser, the
// plugin's web service called from the learner's page, the probe SCO.
import type { Browser } from "@playwright/test";
import { callLmsApi, COMMIT_METHOD, openLmsPage } from "../../harness/attacker/lms-api-from-page.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnActivity, LmsDriver, LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import type { ProbeCall, ProbeResult } from "../../harness/probe/probe-client.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { propertyTestTitle, requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { resetArbitrary, resetExamples, type ResetCase } from "../generators/reset-arbitrary.ts";

const META = requireProperty("P27");
const SCORE = { "1.2": "cmi.core.score.raw", "2004": "cmi.score.raw" } as const;
/** Completion when the SCO is completed, so that a reset has completion to remove. */
const SETTINGS = { completionstatusrequired: 4 as const };

const versionOf = (activity: CdnActivity): "1.2" | "2004" =>
  activity.version === "SCORM_1.2" ? "1.2" : "2004";

function attemptSession(version: "1.2" | "2004", suspendData: string, score: number): ProbeCall[] {
  const api = SCORM_API[version];
  return [
    [api.init, ""],
    [api.set, "cmi.suspend_data", suspendData],
    [api.set, SCORE[version], String(score)],
    [api.set, api.progressStatus, "completed"],
    [api.set, api.exit, "suspend"],
    [api.commit, ""],
    [api.finish, ""],
  ];
}

async function session(
  browser: Browser,
  lms: LmsDriver,
  cdn: string,
  activity: CdnActivity,
  learner: LmsUser,
  calls: ProbeCall[],
  newAttempt = false,
): Promise<ProbeResult[]> {
  const s = await openLearnerSession(browser, lms, cdn, activity, learner, 0, undefined, { newAttempt });
  try {
    return await s.probe.run(calls);
  } finally {
    await s.close();
  }
}

/** What a reset must remove or leave alone for one learner in one activity. */
async function snapshot(lms: LmsDriver, activity: CdnActivity, user: LmsUser) {
  return {
    tracks: await lms.tracks(activity, user),
    launches: await lms.launches(activity, user),
    grade: await lms.gradebookGrade(activity, user),
    completion: await lms.completionState(activity, user),
  };
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const cdn = stack.origins.cdn;
  const courseA = await lms.createCourse("P27 course A");
  const courseB = await lms.createCourse("P27 course B");
  const inA = await createProbeActivities(stack, lms, courseA, "p27a", SETTINGS);
  const inB = await createProbeActivities(stack, lms, courseB, "p27b", SETTINGS);
  const teacher = await lms.createUser();
  await lms.enrol(teacher, courseA, "editingteacher");
  const teacherPage = await openLmsPage(browser, lms, teacher);
  /** A learner of both courses whose data in the other activity of course A and in course B is a bystander's. */
  const bystander = await lms.createUser();
  await lms.enrol(bystander, courseA);
  await lms.enrol(bystander, courseB);

  /** Gives `learner` one stored, graded, completed attempt in `activity` (another when newAttempt). */
  const store = async (
    activity: CdnActivity,
    learner: LmsUser,
    data: string,
    score: number,
    newAttempt = false,
  ) => {
    const before = (await lms.tracks(activity, learner)).length;
    const results = await session(
      browser,
      lms,
      cdn,
      activity,
      learner,
      attemptSession(versionOf(activity), data, score),
      newAttempt,
    );
    expect(
      results.filter((r) => r.ret !== "true"),
      "the attempt's calls succeed",
    ).toEqual([]);
    await eventually(
      () => lms.tracks(activity, learner),
      (rs) =>
        rs.length > before &&
        rs.some((r) => /exit$/.test(r.element)) &&
        rs.some((r) => /status$/.test(r.element)),
    );
    await eventually(
      () => lms.completionState(activity, learner),
      (state) => state > 0,
    );
  };

  try {
    await runProperty(
      testInfo,
      META,
      resetArbitrary(),
      async (c: ResetCase) => {
        const target = inA[c.version];
        const otherInA = inA[c.version === "1.2" ? "2004" : "1.2"];
        const inOtherCourse = inB[c.version];
        const learner = await lms.createUser();
        const classmate = await lms.createUser();
        for (const u of [learner, classmate]) await lms.enrol(u, courseA);

        for (let i = 0; i < c.attempts; i++)
          await store(target, learner, `${c.suspendData}#${i}`, c.score, i > 0);
        await store(target, classmate, "classmate", 42);
        for (const activity of [otherInA, inOtherCourse])
          if ((await lms.tracks(activity, bystander)).length === 0)
            await store(activity, bystander, "bystander", 64);

        const pairs: Array<{ activity: CdnActivity; user: LmsUser; inScope: boolean; what: string }> = [
          { activity: target, user: learner, inScope: true, what: "the learner in the activity" },
          {
            activity: target,
            user: classmate,
            inScope: c.kind !== "learner",
            what: "a classmate in the activity",
          },
          {
            activity: otherInA,
            user: bystander,
            inScope: c.kind === "course",
            what: "the course's other activity",
          },
          { activity: inOtherCourse, user: bystander, inScope: false, what: "another course" },
        ];
        const before = await Promise.all(pairs.map((p) => snapshot(lms, p.activity, p.user)));
        const staleLaunch = (await lms.launches(target, learner)).at(-1);
        expect(staleLaunch, "the learner has a launch before the reset").toBeDefined();

        if (c.kind === "learner") await lms.deleteAttempts(teacherPage.page, target, learner);
        else if (c.kind === "activity") await lms.deleteAttempts(teacherPage.page, target);
        else await lms.resetCourse(teacherPage.page, courseA);

        for (const [i, p] of pairs.entries()) {
          const after = await snapshot(lms, p.activity, p.user);
          if (!p.inScope) {
            expect(after, `${p.what} is out of scope and untouched`).toEqual(before[i]);
            continue;
          }
          expect(after.tracks, `${p.what}: every track is gone`).toEqual([]);
          expect(after.launches, `${p.what}: every attempt is gone`).toEqual([]);
          expect(
            after.grade === null || (after.grade.rawgrade === null && after.grade.finalgrade === null),
            `${p.what}: the grade is gone (${JSON.stringify(after.grade)})`,
          ).toBe(true);
          expect(after.completion, `${p.what}: completion is gone`).toBe(0);
        }

        const learnerPage = await openLmsPage(browser, lms, learner);
        try {
          const replay = await callLmsApi(learnerPage.page, COMMIT_METHOD, {
            launchid: staleLaunch!.launchid,
            ops: [{ seq: 10_000, element: "cmi.suspend_data", value: "resurrected" }],
            terminate: false,
          });
          expect(replay.error, "an op queued before the reset is refused").toBe(true);
        } finally {
          await learnerPage.close();
        }
        expect(await lms.tracks(target, learner), "the refused op stored nothing").toEqual([]);

        const api = SCORM_API[c.version];
        const [init, entry, data] = await session(browser, lms, cdn, target, learner, [
          [api.init, ""],
          [api.get, api.entry],
          [api.get, "cmi.suspend_data"],
        ]);
        expect(init?.ret, "the next launch initializes").toBe("true");
        expect(entry?.ret, "the next launch starts ab-initio").toBe("ab-initio");
        expect(data?.ret, "with empty suspend_data").toBe("");
        expect(
          (await lms.launches(target, learner)).map((l) => l.attempt),
          "in attempt 1",
        ).toEqual([1]);
      },
      { defaultRuns: 2, examples: resetExamples() },
    );
  } finally {
    await teacherPage.close();
  }
});
