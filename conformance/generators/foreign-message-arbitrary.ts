// Generates attempts to talk to the bridge from where it must not listen: a frame on evil.test inside the SCO,
// a popup on evil.test, the SCO itself (same origin as the bridge frame, wrong window), the LMS page replaying
// its hello, and a copy of the bridge frame page that evil.test opens with a nonce of its own. Each sends one
// message: a hello (forged, leaked or own nonce, with a port), fake ops or seed carrying a marker value, a ping,
// or garbage.
import fc from "fast-check";

export type Attacker = "evil-frame" | "evil-popup" | "sco" | "lms-page";
/** lms: the LMS page; bridge-frame: the live bridge frame; frame-popup: a bridge frame page evil.test opened. */
export type Victim = "lms" | "bridge-frame" | "frame-popup";
export type Payload = "hello-forged" | "hello-leaked" | "hello-own" | "ops" | "seed" | "ping" | "garbage";

export interface ForeignMessage {
  attacker: Attacker;
  victim: Victim;
  payload: Payload;
}

/** The value injected ops and seeds try to plant; it must never be stored or read back. */
export const MARKER = "PWNED-by-foreign-message";

const ROUTES: Array<[Attacker, Victim, Payload[]]> = [
  ["evil-frame", "lms", ["hello-forged", "hello-leaked", "ops", "ping", "garbage"]],
  ["evil-frame", "bridge-frame", ["hello-forged", "hello-leaked", "ops", "seed", "ping", "garbage"]],
  ["evil-frame", "frame-popup", ["hello-own", "garbage"]],
  ["evil-popup", "lms", ["hello-leaked", "ops", "garbage"]],
  ["evil-popup", "bridge-frame", ["hello-leaked", "seed", "ops", "ping"]],
  ["sco", "bridge-frame", ["hello-leaked", "ops", "seed"]],
  ["lms-page", "bridge-frame", ["hello-leaked"]],
];

export function foreignMessageArbitrary(): fc.Arbitrary<ForeignMessage> {
  return fc
    .constantFrom(...ROUTES)
    .chain(([attacker, victim, payloads]) =>
      fc.constantFrom(...payloads).map((payload): ForeignMessage => ({ attacker, victim, payload })),
    );
}

export function foreignMessagesArbitrary(): fc.Arbitrary<ForeignMessage[]> {
  return fc.array(foreignMessageArbitrary(), { minLength: 1, maxLength: 6 });
}

/** Every route with its first payload: one run that tries each attacker and victim once. */
export function everyRoute(): ForeignMessage[] {
  return ROUTES.map(([attacker, victim, payloads]) => ({ attacker, victim, payload: payloads[0]! }));
}
