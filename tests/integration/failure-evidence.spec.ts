// The evidence of a failed browser test (harness/browser/test-evidence.ts) through the fixtures' own browser:
// a failed test gets a PNG of the page still open, the postMessage log between the LMS page and the bridge frame
// (nonce and launch id redacted, long values cut) and the tracks stored during it; a passing test gets nothing.
// A failed property replays its counterexample with the closing pages shot (harness/properties/evidence-replay.ts).
import fc from "fast-check";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { LoggedMessage } from "../../harness/browser/message-log.ts";
import { storedRowsSince, type StoredRowsEvidence } from "../../harness/browser/stored-rows.ts";
import { TestEvidence, type EvidenceTestInfo } from "../../harness/browser/test-evidence.ts";
import type { CdnActivity, LmsDriver, LmsUser } from "../../harness/lms-driver/lms-driver.ts";
import { openLearnerSession, type LearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import { requireProperty } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import type { EmbeddedStack } from "../../harness/stack/embedded-stack.ts";

interface Attached {
  name: string;
  contentType: string;
  body: Buffer;
}

/** Finishes `evidence` as a test that ended with `status` would, returning what it attached. */
async function finishAs(
  evidence: TestEvidence,
  status: "passed" | "failed",
  rows: () => Promise<StoredRowsEvidence>,
): Promise<Attached[]> {
  const attached: Attached[] = [];
  const info: EvidenceTestInfo = {
    status,
    expectedStatus: "passed",
    attach: async (name, options) => {
      attached.push({
        name,
        contentType: options?.contentType ?? "",
        body: Buffer.from(options?.body ?? ""),
      });
    },
  };
  await evidence.finish(info, rows);
  return attached;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const json = <T>(a: Attached | undefined): T => JSON.parse(a?.body.toString("utf8") ?? "null") as T;

async function learnerIn(lms: LmsDriver, course: number): Promise<LmsUser> {
  const user = await lms.createUser();
  await lms.enrol(user, course);
  return user;
}

async function storeSuspendData(session: LearnerSession, value: string): Promise<void> {
  const results = await session.probe.run([
    ["LMSInitialize", ""],
    ["LMSSetValue", "cmi.suspend_data", value],
    ["LMSCommit", ""],
  ]);
  expect(results.map((r) => r.ret)).toEqual(["true", "true", "true"]);
}

let activity: CdnActivity;
let course: number;

test.beforeAll(async ({ stack }) => {
  const { createTwinDriver } = await import("../../harness/lms-driver/twin-driver.ts");
  const lms = createTwinDriver(stack);
  course = await lms.createCourse("Evidence");
  activity = (await createProbeActivities(stack, lms, course, "evidence"))["1.2"];
});

function launchSecrets(stack: EmbeddedStack, user: LmsUser): string[] {
  const rows = stack.twin.query(
    "SELECT launchid, nonce FROM mdl_local_extscormbridge_launch WHERE userid = ?",
    [user.id],
  );
  return rows.flatMap((r) => [String(r.launchid), String(r.nonce)]);
}

test("a failed test gets a screenshot, the postMessage log with secrets redacted and the stored rows; a passing one nothing", async ({
  browser,
  stack,
  lms,
  evidenceSlot,
}) => {
  const ownEvidence = evidenceSlot.current;
  try {
    // A test that fails: one session committed and closed, one left open.
    const failing = new TestEvidence();
    evidenceSlot.current = failing;
    const startedAt = Date.now();
    const learner = await learnerIn(lms, course);
    const marker = `evidence-${"x".repeat(5_000)}`;
    const first = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
    try {
      await storeSuspendData(first, marker);
      await eventually(
        () => lms.tracks(activity, learner),
        (rows) => rows.some((r) => r.value === marker),
      );
    } finally {
      await first.close();
    }
    const second = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
    await second.probe.run([["LMSInitialize", ""]]);
    const attached = await finishAs(failing, "failed", () => storedRowsSince(stack.twin, startedAt));
    await second.close();

    expect(attached.map((a) => a.name)).toEqual([
      "screenshot-1.png",
      "postmessage-log.json",
      "stored-rows.json",
    ]);
    const [png, log, rows] = attached;
    expect(png?.contentType).toBe("image/png");
    expect(png?.body.subarray(0, 8).equals(PNG_SIGNATURE), "a PNG").toBe(true);

    const { messages } = json<{ messages: LoggedMessage[] }>(log);
    const hellos = messages.filter((m) => m.type === "hello");
    expect(hellos.length, "a hello per launch").toBeGreaterThanOrEqual(2);
    expect(new Set(hellos.map((m) => m.direction))).toEqual(new Set(["lms → cdn"]));
    expect(hellos[0]?.body).toMatch(/"nonce":"\[redacted, \d+ chars\]"/);
    const ops = messages.find((m) => m.type === "ops" && m.body.includes("evidence-x"));
    expect(ops?.direction).toBe("cdn → lms");
    expect(ops?.size).toBeGreaterThan(5_000);
    expect(ops?.body.length).toBeLessThanOrEqual(601);
    expect(ops?.body).toContain("…(5009 chars)");
    expect(messages.find((m) => m.type === "seed")?.direction, "the LMS end of the channel").toBe(
      "lms → cdn",
    );
    const secrets = launchSecrets(stack, learner);
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(log?.body.toString("utf8")).not.toContain(secret);

    const stored = json<StoredRowsEvidence>(rows);
    const suspend = stored.rows.find((r) => r.element === "cmi.suspend_data");
    expect(suspend).toMatchObject({ userid: learner.id, valueLength: marker.length, attempt: 1 });
    expect(suspend?.value.startsWith("evidence-x")).toBe(true);
    expect(stored.rows.every((r) => r.timemodified >= Math.floor(startedAt / 1000))).toBe(true);

    // The same work in a test that passes leaves nothing behind.
    const passing = new TestEvidence();
    evidenceSlot.current = passing;
    const passedAt = Date.now();
    const session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
    try {
      await session.probe.run([["LMSInitialize", ""]]);
      expect(passing.messages.entries().length, "it was recording all the same").toBeGreaterThan(0);
      expect(await finishAs(passing, "passed", () => storedRowsSince(stack.twin, passedAt))).toEqual([]);
    } finally {
      await session.close();
    }
  } finally {
    evidenceSlot.current = ownEvidence;
  }
});

test("a failed property replays its counterexample and keeps the screenshots of its closing pages", async ({
  browser,
  stack,
  lms,
  evidence,
}, testInfo) => {
  const learner = await learnerIn(lms, course);
  const outcome = runProperty(
    testInfo,
    requireProperty("P06"),
    fc.constant("always fails"),
    async (reason) => {
      const session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, learner);
      try {
        await session.probe.run([["LMSInitialize", ""]]);
        throw new Error(reason);
      } finally {
        await session.close();
      }
    },
    { defaultRuns: 1 },
  );
  await expect(outcome).rejects.toThrow(/always fails/);
  const shots = evidence.screenshots();
  expect(shots.map((s) => s.when)).toEqual(["context closed"]);
  expect(shots[0]?.url).toContain("/mod/scorm/player.php");
  expect(shots[0]?.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const counterexample = testInfo.attachments.find((a) => a.name === "counterexample.json");
  expect(JSON.parse(String(counterexample?.body))).toMatchObject({ evidenceReplay: "failed again" });
});
