// Mutant: Commit holds the SCO while it "waits for the LMS": the frame spins for a second before answering
// (a synchronous bridge), which blocks the SCO whenever the LMS is slow (breaks P18).
import { OpOutbox as ReferenceOpOutbox } from "../../../bridge/frame/op-outbox.ts";

const WAIT_MS = 1_000;

export class OpOutbox extends ReferenceOpOutbox {
  override flush(reason: "commit" | "terminate"): void {
    super.flush(reason);
    const until = Date.now() + WAIT_MS;
    while (Date.now() < until) {
      // waiting for an answer that cannot arrive while this loop holds the frame's event loop
    }
  }
}
