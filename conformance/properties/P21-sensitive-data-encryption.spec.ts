// P21 Sensitive data encryption.
// Requirement: with encryption at rest on, suspend_data and every element configured as sensitive are stored
// encrypted with the site key: the stored value (read in SQL) never equals or contains the plaintext; the next
// launch and the teacher's export get the plaintext exactly. With the key replaced or removed the export fails
// with a clear error (never garbage) and the learner's next launch restarts cleanly (ab-initio, empty
// suspend_data), leaving one stored_value_unreadable event in the log. A bad sensitive-element setting is refused.
// Observes: SQL (tracks, log store), the teacher's download in the browser, the probe SCO in two launches.
import { openLmsPage } from "../../harness/attacker/lms-api-from-page.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { CdnActivity, LmsDriver, LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { TeacherActionFailed } from "../../harness/lms-driver/teacher-side.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import type { ProbeCall, ProbeResult } from "../../harness/probe/probe-client.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { propertyTestTitle, requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import type { Browser } from "@playwright/test";
import {
  encryptionArbitrary,
  encryptionExamples,
  type EncryptionCase,
} from "../generators/encryption-arbitrary.ts";

const META = requireProperty("P21");
const LOCATION = { "1.2": "cmi.core.lesson_location", "2004": "cmi.location" } as const;
const SENSITIVE = [LOCATION["1.2"], LOCATION["2004"]];
const UNREADABLE_EVENT = "\\local_externalscormbridge\\event\\stored_value_unreadable";

function storeSession(c: EncryptionCase): ProbeCall[] {
  const api = SCORM_API[c.version];
  return [
    [api.init, ""],
    [api.set, api.progressStatus, "incomplete"],
    [api.set, "cmi.suspend_data", c.suspendData],
    [api.set, LOCATION[c.version], c.location],
    [api.set, api.exit, "suspend"],
    [api.commit, ""],
    [api.finish, ""],
  ];
}

function readSession(c: EncryptionCase): ProbeCall[] {
  const api = SCORM_API[c.version];
  return [
    [api.init, ""],
    [api.get, api.entry],
    [api.get, "cmi.suspend_data"],
    [api.get, LOCATION[c.version]],
  ];
}

async function runLearner(
  browser: Browser,
  lms: LmsDriver,
  cdn: string,
  activity: CdnActivity,
  learner: LmsUser,
  calls: ProbeCall[],
): Promise<ProbeResult[]> {
  const session = await openLearnerSession(browser, lms, cdn, activity, learner);
  try {
    return await session.probe.run(calls);
  } finally {
    await session.close();
  }
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P21 course");
  const activities = await createProbeActivities(stack, lms, course, "p21");
  const teacher = await lms.createUser();
  await lms.enrol(teacher, course, "editingteacher");
  const teacherPage = await openLmsPage(browser, lms, teacher);

  await expect(
    lms.setEncryptionAtRest({ encrypt: true, sensitiveElements: ["cmi.core.score.raw"] }),
    "an element mod_scorm grades from cannot be sensitive",
  ).rejects.toThrow(/cmi\.core\.score\.raw/);
  await lms.setEncryptionAtRest({ encrypt: true, sensitiveElements: SENSITIVE });
  try {
    await runProperty(
      testInfo,
      META,
      encryptionArbitrary(),
      async (c) => {
        const activity = activities[c.version];
        const learner = await lms.createUser();
        await lms.enrol(learner, course);

        const stored = await runLearner(browser, lms, stack.origins.cdn, activity, learner, storeSession(c));
        expect(
          stored.filter((r) => r.ret !== "true"),
          "the storing session's calls succeed",
        ).toEqual([]);
        const rows = await eventually(
          () => lms.tracks(activity, learner),
          (rs) => rs.some((r) => /exit$/.test(r.element)),
        );
        for (const [element, plaintext] of [
          ["cmi.suspend_data", c.suspendData],
          [LOCATION[c.version], c.location],
        ] as const) {
          const row = rows.find((r) => r.element === element);
          expect(row, `${element} is stored`).toBeDefined();
          expect(row!.value === plaintext, `${element} is not stored as plaintext`).toBe(false);
          expect(
            row!.value.includes(plaintext),
            `${element}'s stored value does not contain the plaintext`,
          ).toBe(false);
        }

        const exported = await lms.exportTracks(teacherPage.page, activity);
        const mine = exported.filter((r) => r.username === learner.username);
        expect(
          mine.find((r) => r.element === "cmi.suspend_data")?.value,
          "the export shows suspend_data",
        ).toBe(c.suspendData);
        expect(
          mine.find((r) => r.element === LOCATION[c.version])?.value,
          "the export shows the location",
        ).toBe(c.location);

        const [init, entry, data, location] = await runLearner(
          browser,
          lms,
          stack.origins.cdn,
          activity,
          learner,
          readSession(c),
        );
        expect(init?.ret, "the next launch initializes").toBe("true");
        expect(entry?.ret, "entry after exit=suspend").toBe("resume");
        expect(data?.ret === c.suspendData, "suspend_data decrypts exactly").toBe(true);
        expect(location?.ret === c.location, "the sensitive location decrypts exactly").toBe(true);

        const lastEvent = (await lms.logEvents()).at(-1)?.id ?? 0;
        await lms.changeSiteKey(c.keyChange);
        try {
          const refusal = await lms.exportTracks(teacherPage.page, activity).then(
            () => null,
            (error: unknown) => error,
          );
          expect(refusal, "an export without the right key fails").toBeInstanceOf(TeacherActionFailed);
          expect((refusal as TeacherActionFailed).reason, "with a clear reason").toMatch(
            c.keyChange === "replace" ? /encryption_decryptfailed/ : /encryption_keynotfound/,
          );
          const [, freshEntry, freshData] = await runLearner(
            browser,
            lms,
            stack.origins.cdn,
            activity,
            learner,
            readSession(c),
          );
          expect(freshEntry?.ret, "an unreadable attempt restarts ab-initio").toBe("ab-initio");
          expect(freshData?.ret, "with empty suspend_data").toBe("");
          const unreadable = (await lms.logEvents(lastEvent)).filter(
            (e) => e.eventname === UNREADABLE_EVENT && e.relateduserid === null && e.userid === learner.id,
          );
          expect(unreadable.length, "the unreadable value is logged once").toBe(1);
        } finally {
          await lms.changeSiteKey("restore");
        }
      },
      { defaultRuns: 2, examples: encryptionExamples() },
    );
  } finally {
    await lms.setEncryptionAtRest({ encrypt: false });
    await teacherPage.close();
  }
});
