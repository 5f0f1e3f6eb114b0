// Puts the frame's ops messages back in order on the LMS page: messages can arrive duplicated, late or out of
// order, so ops are released only as a gapless run of sequence numbers, each exactly once, and a message's
// delivery request (commit, terminate) is released with the last op it carried. Ops after a gap wait here;
// the frame still holds them unacknowledged and hands them over again if the gap is never filled.
import type { Op, OpsReason } from "../protocol/messages.ts";

export interface ReleasedOps {
  ops: Op[];
  /** The strongest request among the messages whose ops are released now. */
  reason: OpsReason;
}

const STRENGTH: Record<OpsReason, number> = { change: 0, commit: 1, terminate: 2 };
const stronger = (a: OpsReason, b: OpsReason): OpsReason => (STRENGTH[b] > STRENGTH[a] ? b : a);

export class OpSequencer {
  private received = 0;
  private readonly early = new Map<number, Op>();
  /** Requests waiting for ops that have not arrived yet, by the last sequence number they cover. */
  private readonly waiting = new Map<number, OpsReason>();

  /** Everything received so far without a gap. */
  get contiguousUpTo(): number {
    return this.received;
  }

  accept(ops: readonly Op[], reason: OpsReason): ReleasedOps {
    let last = 0;
    for (const op of ops) {
      last = Math.max(last, op.seq);
      if (op.seq > this.received && !this.early.has(op.seq)) this.early.set(op.seq, op);
    }
    if (last > this.received && reason !== "change") {
      this.waiting.set(last, stronger(this.waiting.get(last) ?? "change", reason));
    }
    const released: Op[] = [];
    while (this.early.has(this.received + 1)) {
      const op = this.early.get(this.received + 1) as Op;
      this.early.delete(op.seq);
      released.push(op);
      this.received = op.seq;
    }
    // A request whose ops are all here now (or that carried no new op) is released.
    let request: OpsReason = last <= this.received ? reason : "change";
    for (const [upTo, r] of this.waiting) {
      if (upTo > this.received) continue;
      request = stronger(request, r);
      this.waiting.delete(upTo);
    }
    return { ops: released, reason: request };
  }
}
