// The frame's op log: numbers every accepted change, sends unacknowledged ops on Commit/Terminate, and drops
// them once the LMS acknowledges them cumulatively.
import type { FrameToLms, Op } from "../protocol/messages.ts";

export class OpOutbox {
  private nextSeq = 1;
  private pending: Op[] = [];
  private sentUpTo = 0;

  constructor(private readonly send: (message: FrameToLms) => void) {}

  record(element: string, value: string): void {
    this.pending.push({ seq: this.nextSeq++, element, value });
  }

  flush(reason: "commit" | "terminate"): void {
    const unsent = this.pending.filter((op) => op.seq > this.sentUpTo);
    const last = unsent[unsent.length - 1];
    if (last) this.sentUpTo = last.seq;
    this.send({ type: "ops", ops: unsent, reason });
  }

  acknowledge(ackedSeq: number): void {
    this.pending = this.pending.filter((op) => op.seq > ackedSeq);
  }

  get unacknowledged(): readonly Op[] {
    return this.pending;
  }
}
