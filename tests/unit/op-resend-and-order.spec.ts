// The two halves of message-loss tolerance: the frame hands unacknowledged ops over again after a quiet
// heartbeat (with the unanswered Commit/Terminate), and the LMS page releases ops once each, gapless, in order.
import { expect, test } from "@playwright/test";
import { OpOutbox } from "../../bridge/frame/op-outbox.ts";
import { OpSequencer } from "../../bridge/lms/op-sequencer.ts";
import type { FrameToLms, Op } from "../../bridge/protocol/messages.ts";

const op = (seq: number, value = `v${seq}`): Op => ({ seq, element: "cmi.location", value });

test("the sequencer releases each op once, in order, with the request of the message that completed it", () => {
  const s = new OpSequencer();
  expect(s.accept([op(3), op(4)], "commit")).toEqual({ ops: [], reason: "change" });
  expect(s.accept([op(1)], "change")).toEqual({ ops: [op(1)], reason: "change" });
  expect(s.accept([op(2)], "change")).toEqual({ ops: [op(2), op(3), op(4)], reason: "commit" });
  expect(s.accept([op(2), op(3)], "change")).toEqual({ ops: [], reason: "change" });
  expect(s.accept([], "terminate")).toEqual({ ops: [], reason: "terminate" });
  expect(s.contiguousUpTo).toBe(4);
});

test("the frame resends what stays unacknowledged for a quiet heartbeat, and stops once acknowledged", () => {
  const sent: FrameToLms[] = [];
  const outbox = new OpOutbox((m) => sent.push(m), 0);
  outbox.record("cmi.location", "a");
  outbox.record("cmi.location", "b");
  outbox.flush("commit");
  expect(sent).toEqual([{ type: "ops", ops: [op(1, "a"), op(2, "b")], reason: "commit" }]);
  outbox.heartbeat();
  expect(sent).toHaveLength(1);
  outbox.heartbeat();
  expect(sent[1]).toEqual({ type: "ops", ops: [op(1, "a"), op(2, "b")], reason: "commit" });
  outbox.acknowledge(2);
  outbox.heartbeat();
  outbox.heartbeat();
  expect(sent).toHaveLength(2);
});

test("a Terminate is resent until the LMS page says it holds it", () => {
  const sent: FrameToLms[] = [];
  const outbox = new OpOutbox((m) => sent.push(m), 0);
  outbox.record("cmi.location", "a");
  outbox.flush("terminate");
  outbox.acknowledge(1);
  outbox.heartbeat();
  outbox.heartbeat();
  expect(sent.at(-1)).toEqual({ type: "ops", ops: [], reason: "terminate" });
  outbox.acknowledge(1, true);
  const count = sent.length;
  outbox.heartbeat();
  outbox.heartbeat();
  expect(sent).toHaveLength(count);
});
