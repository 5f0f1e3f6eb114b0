// P23 Access control.
// Requirement: users reach only their own tracking: changing SCO id (to another activity's), attempt, user,
// course module or launch id in any API call is refused; guests, non-enrolled and suspended users cannot launch; a
// teacher cannot write a learner's tracks.
// Observes: the LMS API's answers to calls forged from each user's own LMS page (their cookie and sesskey), and
// through SQL that nothing was stored or launched for anyone.
import { expect, test } from "../../harness/browser/fixtures.ts";
import {
  createAccessWorld,
  forgedCall,
  sendForgedCall,
  storedState,
} from "../../harness/attacker/access-world.ts";
import type { AttackInput } from "../../harness/attacker/attacks.ts";
import { COMMIT_METHOD, callLmsApi } from "../../harness/attacker/lms-api-from-page.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { EVERY_ATTACK, attackInputArbitrary } from "../generators/access-attack-arbitrary.ts";

const META = requireProperty("P23");

const EXAMPLES: AttackInput[] = EVERY_ATTACK.map((attack, i) => ({
  attack,
  writes: [
    ["cmi.core.lesson_status", "passed"],
    // A 1.2 raw score is a CMIDecimal of 0 to 100 (the commit refuses 101 and above), whatever the attack count.
    ["cmi.core.score.raw", String(50 + i)],
    ["cmi.suspend_data", `forged ${attack.kind}`],
  ],
}));

test(propertyTestTitle(META), async ({ browser, stack, lms }, testInfo) => {
  // fast-check stops after 120 s; the world's setup (3 activities, 6 sign-ins) takes over 2 min on a busy real Moodle.
  test.setTimeout(300_000);
  const world = await createAccessWorld(browser, stack, lms, "p23");
  try {
    await runProperty(
      testInfo,
      META,
      attackInputArbitrary(),
      async (input) => {
        const before = await storedState(world, lms);
        const call = forgedCall(world, input);
        const answer = await sendForgedCall(call);
        const what = `${input.attack.kind} by ${call.actor.user.username} (${call.methodname})`;
        expect(answer.error, `${what} is refused`).toBe(true);
        expect(answer.exception?.errorcode ?? "", `${what} is refused with an errorcode`).toMatch(
          /^[a-z_]+$/,
        );
        expect(answer.exception?.message ?? "", `${what} says why`).not.toBe("");
        expect(await storedState(world, lms), `${what} stores and launches nothing`).toBe(before);

        // Control: the same writes through the attacker's own launch are the attacker's to make.
        const own = await callLmsApi(world.attacker.lms.page, COMMIT_METHOD, {
          launchid: world.attacker.launchid,
          ops: input.writes.map(([element, value]) => ({ seq: world.nextSeq(), element, value })),
        });
        expect(own.error, `the attacker's own commit is accepted: ${JSON.stringify(own.exception)}`).toBe(
          false,
        );
        const mine = await lms.tracks(world.activity, world.attacker.user);
        const last = new Map(input.writes);
        for (const [element, value] of last)
          expect(mine.find((r) => r.element === element)?.value, `own ${element} stored`).toBe(value);
      },
      { defaultRuns: 20, examples: EXAMPLES },
    );
  } finally {
    await world.close();
  }
});
