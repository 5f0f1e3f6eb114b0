// Generates what an attacker tries against the plugin's LMS API (P23, P24): launching another activity's SCO or an
// activity of a course they are not in, slipping a user, attempt, SCO or course module into a call, writing
// through somebody else's or a made-up launch id, a teacher writing a learner's tracks, and launches by a guest, a
// user who is not enrolled and a user whose enrolment is suspended — each with the tracking it tries to write.
import fc from "fast-check";
import type { Attack, AttackInput, AttackWrite, ExtraKey } from "../../harness/attacker/attacks.ts";
import { printableText } from "./text-arbitrary.ts";

const LAUNCH_KEYS: ExtraKey[] = ["userid", "attempt", "launchid", "courseid"];
const COMMIT_KEYS: ExtraKey[] = ["userid", "attempt", "scoid", "cmid", "courseid"];

export function attackArbitrary(): fc.Arbitrary<Attack> {
  return fc.oneof(
    fc
      .constantFrom("same-course" as const, "other-course" as const)
      .map((owner) => ({ kind: "foreign-sco" as const, owner })),
    fc.constant({ kind: "foreign-cmid" as const }),
    fc
      .tuple(fc.constantFrom("launch" as const, "commit" as const), fc.integer({ min: 1, max: 5 }))
      .chain(([method, attempt]) =>
        fc.constantFrom(...(method === "launch" ? LAUNCH_KEYS : COMMIT_KEYS)).map((key) => ({
          kind: "extra-parameter" as const,
          method,
          key,
          attempt,
        })),
      ),
    fc.constant({ kind: "victim-launchid" as const }),
    fc
      .oneof(fc.stringMatching(/^[A-Za-z0-9_-]{24}$/), fc.constantFrom("", "' OR 1=1 --", "0", "null"))
      .map((launchid) => ({ kind: "forged-launchid" as const, launchid })),
    fc.constant({ kind: "teacher-writes-learner" as const }),
    fc.constant({ kind: "guest-launch" as const }),
    fc.constant({ kind: "not-enrolled-launch" as const }),
    fc.constant({ kind: "suspended-launch" as const }),
    fc.constant({ kind: "suspended-commit" as const }),
  );
}

export function attackWritesArbitrary(): fc.Arbitrary<AttackWrite[]> {
  return fc.array(
    fc.oneof(
      printableText(1, 40).map((v): AttackWrite => ["cmi.core.lesson_location", v]),
      fc.constantFrom("passed", "completed", "failed").map((v): AttackWrite => ["cmi.core.lesson_status", v]),
      fc.integer({ min: 0, max: 100 }).map((v): AttackWrite => ["cmi.core.score.raw", String(v)]),
      printableText(1, 200).map((v): AttackWrite => ["cmi.suspend_data", v]),
    ),
    { minLength: 1, maxLength: 4 },
  );
}

export function attackInputArbitrary(): fc.Arbitrary<AttackInput> {
  return fc.record({ attack: attackArbitrary(), writes: attackWritesArbitrary() });
}

/** Every kind once: the fixed regression examples of the access properties. */
export const EVERY_ATTACK: readonly Attack[] = [
  { kind: "victim-launchid" },
  { kind: "teacher-writes-learner" },
  { kind: "guest-launch" },
  { kind: "extra-parameter", method: "commit", key: "userid", attempt: 1 },
  { kind: "not-enrolled-launch" },
  { kind: "suspended-launch" },
  { kind: "suspended-commit" },
  { kind: "foreign-sco", owner: "other-course" },
  { kind: "foreign-sco", owner: "same-course" },
  { kind: "foreign-cmid" },
  { kind: "extra-parameter", method: "launch", key: "attempt", attempt: 2 },
  { kind: "forged-launchid", launchid: "AAAAAAAAAAAAAAAAAAAAAAAA" },
];

/** One step of a session of API traffic: an ordinary call the user may make, or an attack. */
export type TrafficStep =
  | { kind: "normal"; call: "launch" | "commit"; writes: AttackWrite[] }
  | { kind: "attack"; input: AttackInput };

export function trafficArbitrary(): fc.Arbitrary<TrafficStep[]> {
  const normal = fc.record({
    kind: fc.constant("normal" as const),
    call: fc.constantFrom("launch" as const, "commit" as const),
    writes: attackWritesArbitrary(),
  });
  const attack = attackInputArbitrary().map((input) => ({ kind: "attack" as const, input }));
  return fc.array(fc.oneof(normal, attack), { minLength: 1, maxLength: 6 });
}
