// P20 PostMessage origin validation.
// Requirement: messages from any origin but the activity's CDN origin, from any window but the bridge frame, or
// without the launch's nonce/port are ignored (no state change, no write, no reply) and logged; nothing is ever
// posted with target origin "*"; a frame on evil.test can neither inject tracking nor read learner data.
// Observes: attacker windows on evil.test and the CDN origin, the console of every page, the target origin of
// every postMessage (init script), the probe SCO's API and mod_scorm's tables through SQL.
import type { ConsoleMessage } from "@playwright/test";
import fc from "fast-check";
import { ForeignMessageDriver } from "../../harness/attacks/foreign-message-driver.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  installPostMessageRecorder,
  recordedPostMessages,
} from "../../harness/browser/post-message-recorder.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { propertyTestTitle, requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import type { DeclaredVersion } from "../generators/manifest-arbitrary.ts";
import {
  MARKER,
  everyRoute,
  foreignMessagesArbitrary,
  type ForeignMessage,
} from "../generators/foreign-message-arbitrary.ts";

const META = requireProperty("P20");
const IGNORED = /^\[bridge\] (frame|lms) ignored message #\d+ from /;

interface Input {
  version: DeclaredVersion;
  messages: ForeignMessage[];
}

const EXAMPLES: Input[] = [
  { version: "2004", messages: everyRoute() },
  { version: "1.2", messages: everyRoute() },
];

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P20 course");
  const activities = await createProbeActivities(stack, lms, course, "p20");
  const input = fc.record({
    version: fc.constantFrom<DeclaredVersion>("1.2", "2004"),
    messages: foreignMessagesArbitrary(),
  });

  await runProperty(
    testInfo,
    META,
    input,
    async ({ version, messages }) => {
      const api = SCORM_API[version];
      const activity = activities[version];
      const learner = await lms.createUser();
      await lms.enrol(learner, course);
      const ignoredLog: string[] = [];
      const session = await openLearnerSession(
        browser,
        lms,
        stack.origins.cdn,
        activity,
        learner,
        0,
        async (context) => {
          await installPostMessageRecorder(context);
          context.on("console", (m: ConsoleMessage) => {
            if (IGNORED.test(m.text())) ignoredLog.push(m.text());
          });
        },
      );
      try {
        const { probe, page, context } = session;
        const readTracks = () => lms.tracks(activity, learner);
        const before = await probe.run([
          [api.init, ""],
          [api.set, "cmi.suspend_data", "before-attack"],
          [api.commit, ""],
        ]);
        expect(before.map((r) => r.ret)).toEqual(["true", "true", "true"]);
        const stored = await eventually(readTracks, (rs) => rs.some((r) => r.value === "before-attack"));
        expect(ignoredLog, "no message is ignored before the attack").toEqual([]);

        const driver = new ForeignMessageDriver({ context, page, sco: probe.frame, origins: stack.origins });
        for (const message of messages) await driver.send(message);
        await eventually(
          async () => ignoredLog.length,
          (n) => n >= messages.length,
        );
        await page.waitForTimeout(300);

        expect(await driver.received(), "no attacker gets any reply").toEqual([]);
        expect(ignoredLog.length, `each of the ${messages.length} foreign messages is logged once`).toBe(
          messages.length,
        );
        const [read] = await probe.run([[api.get, "cmi.suspend_data"]]);
        expect(read?.ret, "the SCO's data is unchanged").toBe("before-attack");
        const after = await readTracks();
        expect(after, "nothing is written").toEqual(stored);
        expect(after.some((r) => r.value.includes(MARKER))).toBe(false);

        const later = await probe.run([
          [api.set, "cmi.suspend_data", "after-attack"],
          [api.commit, ""],
        ]);
        expect(
          later.map((r) => r.ret),
          "the channel still works after the attack",
        ).toEqual(["true", "true"]);
        const rows = await eventually(readTracks, (rs) => rs.some((r) => r.value === "after-attack"));
        expect(
          rows.some((r) => r.value === "after-attack"),
          "the legitimate write lands",
        ).toBe(true);

        const lmsPosts = await recordedPostMessages(page.mainFrame());
        const bridgeFrame = page.frames().find((f) => f.url().startsWith(`${stack.origins.cdn}/bridge/`));
        const framePosts = bridgeFrame ? await recordedPostMessages(bridgeFrame) : [];
        expect(
          [...lmsPosts, ...framePosts].filter((p) => p.targetOrigin === "*"),
          "nothing is posted with target origin *",
        ).toEqual([]);
        expect(
          lmsPosts.some((p) => p.targetOrigin === stack.origins.cdn),
          "the LMS page's hello was seen, aimed at the CDN origin",
        ).toBe(true);
      } finally {
        await session.close();
      }
    },
    { defaultRuns: 5, examples: EXAMPLES },
  );
});
