// P24 Unauthorized access logging.
// Requirement: every refusal in P20, P22 and P23 produces exactly one log event with user, context, IP, reason and
// time; normal traffic produces none.
// Observes: the LMS API's answers to a generated mix of ordinary and forged calls from each user's own LMS page,
// and the log store (mdl_logstore_standard_log) through SQL. Covers the API refusals of P22/P23; the frame's
// refusals (P20) are checked by P20.
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  createAccessWorld,
  forgedCall,
  sendForgedCall,
  type AccessWorld,
} from "../../harness/attacker/access-world.ts";
import {
  COMMIT_METHOD,
  LAUNCH_METHOD,
  callLmsApi,
  type ApiAnswer,
} from "../../harness/attacker/lms-api-from-page.ts";
import type { LogEventRow } from "../../harness/lms-driver/lms-driver.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { EVERY_ATTACK, trafficArbitrary, type TrafficStep } from "../generators/access-attack-arbitrary.ts";

const META = requireProperty("P24");

/** The plugin's refusal event: component local_externalscormbridge, action "refused". */
const isRefusal = (row: LogEventRow): boolean =>
  row.component === "local_externalscormbridge" && row.action === "refused";

interface Expected {
  userid: number;
  errorcode: string;
  /** The activity the call named, or null when it named none that exists. */
  cmid: number | null;
}

async function normalCall(
  world: AccessWorld,
  step: Extract<TrafficStep, { kind: "normal" }>,
): Promise<ApiAnswer> {
  const { attacker, activity } = world;
  if (step.call === "launch")
    return callLmsApi(attacker.lms.page, LAUNCH_METHOD, {
      cmid: activity.cmid,
      scoid: activity.scoes[0]!.id,
    });
  return callLmsApi(attacker.lms.page, COMMIT_METHOD, {
    launchid: attacker.launchid,
    ops: step.writes.map(([element, value]) => ({ seq: world.nextSeq(), element, value })),
  });
}

const EXAMPLES: TrafficStep[][] = [
  [{ kind: "normal", call: "commit", writes: [["cmi.core.score.raw", "50"]] }],
  [
    { kind: "normal", call: "launch", writes: [] },
    ...EVERY_ATTACK.map((attack) => ({
      kind: "attack" as const,
      input: { attack, writes: [["cmi.core.lesson_status", "passed"] as [string, string]] },
    })),
    { kind: "normal", call: "commit", writes: [["cmi.core.lesson_location", "p2"]] },
  ],
];

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  // fast-check stops after 120 s; the world's setup (3 activities, 6 sign-ins) takes over 2 min on a busy real Moodle.
  test.setTimeout(300_000);
  const world = await createAccessWorld(browser, stack, lms, "p24");
  try {
    await runProperty(
      testInfo,
      META,
      trafficArbitrary(),
      async (steps) => {
        const before = (await lms.logEvents()).at(-1)?.id ?? 0;
        const start = Math.floor(Date.now() / 1000);
        const expected: Expected[] = [];
        for (const step of steps) {
          if (step.kind === "normal") {
            const answer = await normalCall(world, step);
            expect(answer.error, `ordinary ${step.call} answered: ${JSON.stringify(answer.exception)}`).toBe(
              false,
            );
            continue;
          }
          const call = forgedCall(world, step.input);
          const answer = await sendForgedCall(call);
          expect(answer.error, `${step.input.attack.kind} is refused`).toBe(true);
          expect.soft(answer.exception?.errorcode).toBeTruthy();
          expected.push({
            userid: call.actor.user.id,
            errorcode: answer.exception?.errorcode ?? "",
            cmid: call.namedCmid,
          });
        }
        const end = Math.ceil(Date.now() / 1000);
        const refusals = (await lms.logEvents(before)).filter(isRefusal);
        expect(refusals.length, "exactly one log event per refusal, none for ordinary calls").toBe(
          expected.length,
        );
        refusals.forEach((row, i) => {
          const want = expected[i]!;
          const where = `refusal ${i + 1} (${want.errorcode})`;
          expect(row.userid, `${where}: the refused user`).toBe(want.userid);
          expect(row.ip ?? "", `${where}: the client's IP`).toMatch(/^[0-9a-f.:]+$/i);
          expect(String(row.other?.reason ?? ""), `${where}: a reason`).not.toBe("");
          expect(row.other?.errorcode, `${where}: the error answered`).toBe(want.errorcode);
          expect(row.timecreated, `${where}: time`).toBeGreaterThanOrEqual(start - 1);
          expect(row.timecreated, `${where}: time`).toBeLessThanOrEqual(end + 1);
          if (want.cmid === null) expect(row.contextlevel, `${where}: system context`).toBe(10);
          else {
            expect(row.contextlevel, `${where}: module context`).toBe(70);
            expect(row.contextinstanceid, `${where}: the named activity`).toBe(want.cmid);
          }
        });
      },
      { defaultRuns: 8, examples: EXAMPLES },
    );
  } finally {
    await world.close();
  }
});
