// The frame's op log: numbers every accepted change, hands changes to the LMS page in short batches so a
// crash loses little, marks Commit/Terminate so the LMS page delivers at once, and forgets what the LMS
// acknowledged.
import type { FrameToLms, Op } from "../protocol/messages.ts";

export class OpOutbox {
  private nextSeq = 1;
  private pending: Op[] = [];
  private sentUpTo = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (message: FrameToLms) => void,
    private readonly batchMs = 50,
  ) {}

  record(element: string, value: string): void {
    this.pending.push({ seq: this.nextSeq++, element, value });
    if (this.timer === undefined) this.timer = setTimeout(() => this.handOver("change"), this.batchMs);
  }

  /** The SCO committed or terminated: hand over everything now and ask for delivery. */
  flush(reason: "commit" | "terminate"): void {
    this.handOver(reason);
  }

  /** Hands over pending changes now, without asking for delivery (the frame is going away). */
  handOverChanges(): void {
    this.handOver("change");
  }

  private handOver(reason: "change" | "commit" | "terminate"): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const unsent = this.pending.filter((op) => op.seq > this.sentUpTo);
    const last = unsent[unsent.length - 1];
    if (last) this.sentUpTo = last.seq;
    if (unsent.length > 0 || reason !== "change") this.send({ type: "ops", ops: unsent, reason });
  }

  acknowledge(ackedSeq: number): void {
    this.pending = this.pending.filter((op) => op.seq > ackedSeq);
  }

  get unacknowledged(): readonly Op[] {
    return this.pending;
  }
}
