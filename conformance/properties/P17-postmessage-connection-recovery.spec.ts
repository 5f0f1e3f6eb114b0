// P17 PostMessage connection recovery.
// Requirement: when the channel between the LMS page and the bridge frame breaks (frame reload, frame
// navigation, a closed port, lost heartbeats from a frozen frame) the bridge notices within the heartbeat window
// and launches again with a fresh nonce, replaying every unacknowledged op before the new launch reads its
// snapshot; and when single protocol messages are dropped, delayed, duplicated or reordered on a live channel (in
// either direction), nothing is lost either. In every case each value is stored exactly once, the last written.
// Window: the new launch request reaches the LMS within 3 heartbeats + 1.5 s of the break (two missed pings are
// needed to declare a silent channel lost, plus the reconnect grace and a loaded machine's slack).
// Observes: the browser (probe SCO, frames, the LMS origin's localStorage), the LMS request log and SQL.
import type { Page } from "@playwright/test";
import fc from "fast-check";
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  closeChannelPorts,
  installMessageFaults,
  type MessageFault,
} from "../../harness/faults/message-faults.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { outboxKeys } from "../../harness/probe/player-observations.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { storedOnceMismatches } from "../../harness/properties/stored-once.ts";
import type { EmbeddedStack } from "../../harness/stack/embedded-stack.ts";
import {
  committedWritesArbitrary,
  initCall,
  lastValues,
  roundCalls,
  type CommittedWrites,
  type Write,
} from "../generators/committed-writes-arbitrary.ts";

const META = requireProperty("P17");
const LAUNCH = /local_externalscormbridge_launch/;
const SLACK_MS = 1_500;

type ChannelBreak = "frame-reload" | "frame-navigation" | "port-closed" | "frozen-frame";

type RecoveryCase =
  | {
      kind: "break";
      writes: CommittedWrites;
      uncommitted: Write | null;
      channelBreak: ChannelBreak;
      heartbeatMs: number;
    }
  | { kind: "message-faults"; writes: CommittedWrites; faults: MessageFault[]; heartbeatMs: number };

/** Faults that a live channel must absorb without a reconnect: pings and pongs are never dropped or held long. */
const messageFault = (heartbeatMs: number): fc.Arbitrary<MessageFault> =>
  fc.oneof(
    fc.record({
      direction: fc.constant("frame-to-lms" as const),
      type: fc.constant("ops"),
      nth: fc.integer({ min: 1, max: 4 }),
      kind: fc.constantFrom("drop" as const, "delay" as const, "duplicate" as const, "reorder" as const),
      ms: fc.integer({ min: 50, max: 600 }),
    }),
    fc.record({
      direction: fc.constant("lms-to-frame" as const),
      type: fc.constantFrom("ack", "status"),
      nth: fc.integer({ min: 1, max: 4 }),
      kind: fc.constantFrom("drop" as const, "delay" as const, "duplicate" as const, "reorder" as const),
      ms: fc.integer({ min: 50, max: 600 }),
    }),
    fc.record({
      direction: fc.constantFrom("lms-to-frame" as const, "frame-to-lms" as const),
      type: fc.constantFrom("ping", "pong"),
      nth: fc.integer({ min: 1, max: 6 }),
      kind: fc.constantFrom("duplicate" as const, "reorder" as const, "delay" as const),
      ms: fc.integer({ min: 20, max: Math.floor(heartbeatMs / 2) }),
    }),
  );

const recoveryCase: fc.Arbitrary<RecoveryCase> = fc.constantFrom(250, 400).chain((heartbeatMs) =>
  fc.oneof(
    fc.record({
      kind: fc.constant("break" as const),
      writes: committedWritesArbitrary(3).filter((w) => w.rounds.length >= 2),
      uncommitted: fc.option(
        fc.stringMatching(/^[A-Za-z0-9]{1,8}$/).map((v): Write => ["cmi.suspend_data", `u-${v}`]),
        {
          nil: null,
        },
      ),
      channelBreak: fc.constantFrom<ChannelBreak>(
        "frame-reload",
        "frame-navigation",
        "port-closed",
        "frozen-frame",
      ),
      heartbeatMs: fc.constant(heartbeatMs),
    }),
    fc.record({
      kind: fc.constant("message-faults" as const),
      writes: committedWritesArbitrary(3),
      faults: fc.array(messageFault(heartbeatMs), { minLength: 1, maxLength: 4 }),
      heartbeatMs: fc.constant(heartbeatMs),
    }),
  ),
);

const EXAMPLES: RecoveryCase[] = [
  {
    kind: "message-faults",
    writes: { version: "2004", rounds: [[["cmi.location", "r1w0-a"]], [["cmi.score.raw", "20"]]] },
    faults: [{ direction: "frame-to-lms", type: "ops", nth: 1, kind: "drop" }],
    heartbeatMs: 250,
  },
  {
    kind: "break",
    writes: {
      version: "1.2",
      rounds: [[["cmi.core.lesson_location", "r1w0-a"]], [["cmi.core.score.raw", "20"]]],
    },
    uncommitted: ["cmi.suspend_data", "u-left"],
    channelBreak: "frame-reload",
    heartbeatMs: 250,
  },
  {
    kind: "break",
    writes: { version: "2004", rounds: [[["cmi.location", "r1w0-a"]], [["cmi.location", "r2w0-b"]]] },
    uncommitted: null,
    channelBreak: "port-closed",
    heartbeatMs: 250,
  },
];

const bridgeFrame = (page: Page, stack: EmbeddedStack) =>
  page.frames().find((f) => f.url().startsWith(`${stack.origins.cdn}/bridge/frame.html`));

async function breakChannel(page: Page, stack: EmbeddedStack, how: ChannelBreak, heartbeatMs: number) {
  const frame = bridgeFrame(page, stack);
  if (!frame) throw new Error("No bridge frame on the player page");
  switch (how) {
    case "frame-reload":
      await frame.evaluate(() => location.reload());
      return;
    case "frame-navigation":
      await frame.evaluate((cdn) => location.assign(`${cdn}/bridge/frame.html?elsewhere`), stack.origins.cdn);
      return;
    case "port-closed":
      expect(await closeChannelPorts(page), "the LMS page had a port to close").toBeGreaterThan(0);
      return;
    case "frozen-frame":
      void frame
        .evaluate((ms) => {
          const until = Date.now() + ms;
          while (Date.now() < until) {
            // the frame's event loop is held: no pong goes out
          }
        }, heartbeatMs * 5)
        .catch(() => undefined);
      return;
  }
}

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  const course = await lms.createCourse("P17 course");
  const activities = await createProbeActivities(stack, lms, course, "p17");

  try {
    await runProperty(
      testInfo,
      META,
      recoveryCase,
      async (c) => {
        const { version, rounds } = c.writes;
        const activity = activities[version];
        await lms.setBridgeSettings({ heartbeatMs: c.heartbeatMs, changeBatchMs: 20 });
        const learner = await lms.createUser();
        await lms.enrol(learner, course);
        const faults = c.kind === "message-faults" ? c.faults : [];
        const session = await openLearnerSession(
          browser,
          lms,
          stack.origins.cdn,
          activity,
          learner,
          0,
          (context) => installMessageFaults(context, stack.origins, faults).then(() => undefined),
        );
        const { page } = session;
        try {
          const [first, ...later] = rounds;
          const written: Write[][] = [first ?? []];
          // exit = suspend: the next launch of the attempt is a resume, so it starts from the stored values.
          const suspend: [string, string, string] = [
            SCORM_API[version].set,
            SCORM_API[version].exit,
            "suspend",
          ];
          await session.probe.run([initCall(version), suspend, ...roundCalls(version, first ?? [])]);
          let probe = session.probe;

          if (c.kind === "break") {
            if (c.uncommitted) {
              await probe.run([[SCORM_API[version].set, ...c.uncommitted]]);
              written.push([c.uncommitted]);
            }
            // Everything handed over and the commit acknowledged: the break finds a quiet, healthy channel.
            const handedOver = lastValues(written);
            await eventually(
              () => lms.tracks(activity, learner),
              (rs) => storedOnceMismatches(rs, lastValues([first ?? []])).length === 0,
              10_000,
            );
            await page.waitForTimeout(100);
            const before = await lms.launches(activity, learner);
            const brokeAt = Date.now();
            await breakChannel(page, stack, c.channelBreak, c.heartbeatMs);
            const relaunch = await eventually(
              async () => stack.lmsLog.entries.find((e) => LAUNCH.test(e.url) && e.at >= brokeAt),
              (e) => e !== undefined,
              3 * c.heartbeatMs + SLACK_MS + 5_000,
            );
            const window = 3 * c.heartbeatMs + SLACK_MS;
            expect(relaunch, "the bridge launched again").toBeDefined();
            expect(
              (relaunch?.at ?? Infinity) - brokeAt,
              `noticed and relaunched within ${window} ms`,
            ).toBeLessThanOrEqual(window);
            const after = await eventually(
              () => lms.launches(activity, learner),
              (ls) => ls.length > before.length,
            );
            const nonces = after.map((l) => l.nonce);
            expect(new Set(nonces).size, "every launch has its own nonce").toBe(nonces.length);
            const oldSco = session.probe.frame;
            await eventually(
              async () => oldSco.isDetached(),
              (gone) => gone,
              10_000,
            );
            probe = await waitForProbe(page, stack.origins.cdn);
            const api = SCORM_API[version];
            const reads = await probe.run([
              initCall(version),
              ...[...handedOver.keys()].map((e): [string, string] => [api.get, e]),
            ]);
            expect(
              reads.slice(1).map((r) => r.ret),
              "the new launch starts from every value the old frame had handed over",
            ).toEqual([...handedOver.values()]);
          }

          for (const round of later) {
            await probe.run(roundCalls(version, round));
            written.push(round);
          }
          const expected = lastValues(written);
          const rows = await eventually(
            () => lms.tracks(activity, learner),
            (rs) => storedOnceMismatches(rs, expected).length === 0,
            15_000,
          );
          expect(storedOnceMismatches(rows, expected), "each value stored once, the last written").toEqual(
            [],
          );
          await expect.poll(() => outboxKeys(page), { timeout: 10_000 }).toEqual([]);
        } finally {
          await session.close();
        }
      },
      { defaultRuns: 6, examples: EXAMPLES },
    );
  } finally {
    await lms.setBridgeSettings({});
  }
});
