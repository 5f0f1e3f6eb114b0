import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { LIMITS, parseFrameToLms, parseHello, parseLmsToFrame } from "../../bridge/protocol/messages.ts";

const NONCE = "abcdefghijklmnopqrstuvwx";

test("a well-formed hello is accepted and anything else is refused", () => {
  expect(parseHello({ protocol: "esb", v: 1, type: "hello", nonce: NONCE })).toEqual({
    protocol: "esb",
    v: 1,
    type: "hello",
    nonce: NONCE,
  });
  expect(parseHello({ protocol: "esb", v: 2, type: "hello", nonce: NONCE })).toBeNull();
  expect(parseHello({ protocol: "esb", v: 1, type: "hello", nonce: "short" })).toBeNull();
  expect(parseHello({ protocol: "esb", v: 1, type: "hello", nonce: `${NONCE}<script>` })).toBeNull();
  expect(parseHello("hello")).toBeNull();
  expect(parseHello(null)).toBeNull();
});

test("ops are validated element by element, and one bad op rejects the whole message", () => {
  const good = { type: "ops", reason: "commit", ops: [{ seq: 1, element: "cmi.location", value: "p1" }] };
  expect(parseFrameToLms(good)).toEqual(good);
  const bad = [
    { ...good, reason: "later" },
    { ...good, ops: [{ seq: -1, element: "cmi.location", value: "" }] },
    { ...good, ops: [{ seq: 1.5, element: "cmi.location", value: "" }] },
    { ...good, ops: [{ seq: 1, element: "window.alert", value: "" }] },
    { ...good, ops: [{ seq: 1, element: "cmi.location", value: 5 }] },
    { ...good, ops: [{ seq: 1, element: "cmi.location", value: "x".repeat(LIMITS.valueLength + 1) }] },
    { ...good, ops: [...good.ops, "oops"] },
  ];
  for (const message of bad)
    expect(parseFrameToLms(message), JSON.stringify(message).slice(0, 80)).toBeNull();
});

test("a seed must name a version, a launch and string pairs", () => {
  const seed = {
    launchId: "L1",
    version: "2004",
    scoUrl: "https://cdn.test/x/sco.html",
    values: [["cmi.entry", "ab-initio"]],
    batchMs: 50,
  };
  expect(parseLmsToFrame({ type: "seed", seed })).toEqual({ type: "seed", seed });
  expect(parseLmsToFrame({ type: "seed", seed: { ...seed, version: "1.3" } })).toBeNull();
  expect(parseLmsToFrame({ type: "seed", seed: { ...seed, values: [["cmi.entry"]] } })).toBeNull();
  expect(parseLmsToFrame({ type: "ack", ackedSeq: 3 })).toEqual({ type: "ack", ackedSeq: 3 });
  expect(parseLmsToFrame({ type: "ack", ackedSeq: "3" })).toBeNull();
  expect(parseLmsToFrame({ type: "seed", seed: { ...seed, batchMs: -1 } })).toBeNull();
  expect(parseLmsToFrame({ type: "status", state: "failed", message: "no" })).toEqual({
    type: "status",
    state: "failed",
    message: "no",
  });
  expect(parseLmsToFrame({ type: "status", state: "broken", message: "no" })).toBeNull();
  expect(parseFrameToLms({ type: "ops", ops: [], reason: "change" })).toEqual({
    type: "ops",
    ops: [],
    reason: "change",
  });
});

test("no input makes a validator throw, and whatever passes is well-formed", () => {
  fc.assert(
    fc.property(fc.anything(), (x) => {
      const a = parseHello(x);
      const b = parseFrameToLms(x);
      const c = parseLmsToFrame(x);
      if (a) expect(a.type).toBe("hello");
      if (b) expect(["ready", "ops", "failure"]).toContain(b.type);
      if (c) expect(["seed", "ack"]).toContain(c.type);
    }),
    { numRuns: 2_000 },
  );
});
