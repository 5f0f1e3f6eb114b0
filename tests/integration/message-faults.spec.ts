// Message-level faults between the LMS page and the bridge frame (dropped, delayed, duplicated, reordered
// protocol messages, both directions): every committed value lands once,
// the last one written wins, and nothing is left in the outbox.
import { DEFAULT_BRIDGE_CONFIG } from "../../bridge/protocol/bridge-config.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  installMessageFaults,
  type MessageFault,
  type MessageFaultKind,
} from "../../harness/faults/message-faults.ts";
import type { CdnActivity } from "../../harness/lms-driver/lms-driver.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { waitForProbe, type ProbeCall } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";

let activity: CdnActivity;
let course: number;

test.beforeAll(async ({ stack }) => {
  const { createTwinDriver } = await import("../../harness/lms-driver/twin-driver.ts");
  const lms = createTwinDriver(stack);
  course = await lms.createCourse("Message faults");
  activity = (await createProbeActivities(stack, lms, course, "msgfaults"))["2004"];
});

test.beforeEach(({ stack }) => stack.twin.setBridgeConfig({ heartbeatMs: 250, changeBatchMs: 20 }));
test.afterEach(({ stack }) => stack.twin.setBridgeConfig(DEFAULT_BRIDGE_CONFIG));

const SCRIPT: ProbeCall[] = [
  ["Initialize", ""],
  ["SetValue", "cmi.location", "one"],
  ["SetValue", "cmi.suspend_data", "s1"],
  ["Commit", ""],
  ["SetValue", "cmi.location", "two"],
  ["Commit", ""],
  ["SetValue", "cmi.score.raw", "42"],
  ["SetValue", "cmi.location", "three"],
  ["Commit", ""],
];
const EXPECTED: Array<[string, string]> = [
  ["cmi.location", "three"],
  ["cmi.score.raw", "42"],
  ["cmi.suspend_data", "s1"],
];

const schedules: Array<[string, MessageFault[]]> = (
  ["drop", "delay", "duplicate", "reorder"] as MessageFaultKind[]
).flatMap(
  (kind) =>
    [
      [
        `${kind} of the frame's ops messages`,
        [1, 2, 3].map((nth) => ({ direction: "frame-to-lms", type: "ops", nth, kind, ms: 400 })),
      ],
      [
        `${kind} of the LMS page's acks and pings`,
        [1, 2, 3].flatMap((nth) => [
          { direction: "lms-to-frame", type: "ack", nth, kind, ms: 400 },
          { direction: "lms-to-frame", type: "ping", nth: nth * 2, kind, ms: 400 },
        ]),
      ],
    ] as Array<[string, MessageFault[]]>,
);

for (const [name, faults] of schedules) {
  test(`${name}: every value lands once, the last write wins`, async ({ browser, stack, lms }) => {
    const user = await lms.createUser();
    await lms.enrol(user, course);
    const context = await browser.newContext();
    try {
      const applied = await installMessageFaults(context, stack.origins, faults);
      const page = await context.newPage();
      await lms.login(page, user);
      await page.goto(lms.playerUrl(activity, activity.scoes[0]!.id));
      const probe = await waitForProbe(page, stack.origins.cdn);
      const results = await probe.run(SCRIPT);
      expect(results.map((r) => r.ret)).toEqual(SCRIPT.map(() => "true"));
      const rows = await eventually(
        () => lms.tracks(activity, user),
        (rs) => EXPECTED.every(([e, v]) => rs.some((r) => r.element === e && r.value === v)),
        10_000,
      );
      const cmi = rows.filter((r) => r.element.startsWith("cmi.") && r.element !== "cmi.session_time");
      expect(
        cmi.map((r) => [r.element, r.value]).sort(),
        `faults applied: ${JSON.stringify(applied)}`,
      ).toEqual(EXPECTED);
      expect(applied.length, "the schedule was applied").toBeGreaterThan(0);
      await expect
        .poll(
          () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("esb.outbox"))),
          {
            timeout: 10_000,
          },
        )
        .toEqual([]);
    } finally {
      await context.close();
    }
  });
}
