// The frame's op log: numbers every accepted change, hands changes to the LMS page in short batches so a
// crash loses little, marks Commit/Terminate so the LMS page delivers at once, and forgets what the LMS
// acknowledged. A message to the LMS page can be lost on a live channel, so whatever stays unacknowledged for a
// whole heartbeat is handed over again (the LMS page drops what it already has, by sequence number), with the
// strongest delivery request (commit, terminate) still unanswered.
import type { FrameToLms, Op, OpsReason } from "../protocol/messages.ts";

const STRENGTH: Record<OpsReason, number> = { change: 0, commit: 1, terminate: 2 };

export class OpOutbox {
  private nextSeq = 1;
  private pending: Op[] = [];
  private sentUpTo = 0;
  private acked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The strongest request not yet answered, and the last sequence number it covers. */
  private request: { reason: OpsReason; upTo: number } = { reason: "change", upTo: 0 };
  /** Heartbeats seen since the LMS page last made progress (an ack) or the frame last handed ops over. */
  private quietBeats = 0;

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
    const upTo = this.nextSeq - 1;
    // A Commit with nothing unacknowledged asks for nothing; a Terminate always needs its answer.
    const needsAnswer = reason === "terminate" || upTo > this.acked;
    if (needsAnswer && STRENGTH[reason] >= STRENGTH[this.request.reason]) this.request = { reason, upTo };
    this.handOver(reason);
  }

  /** Hands over pending changes now, without asking for delivery (the frame is going away). */
  handOverChanges(): void {
    this.handOver("change");
    this.resendUnacknowledged();
  }

  private handOver(reason: OpsReason): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const unsent = this.pending.filter((op) => op.seq > this.sentUpTo);
    const last = unsent[unsent.length - 1];
    if (last) this.sentUpTo = last.seq;
    if (unsent.length > 0 || reason !== "change") {
      this.quietBeats = 0;
      this.send({ type: "ops", ops: unsent, reason });
    }
  }

  /**
   * The LMS page acknowledged every op up to `ackedSeq`; `terminated` says it also holds the Terminate.
   * A commit request is answered once its ops are acknowledged, a terminate request only when it says so.
   */
  acknowledge(ackedSeq: number, terminated = false): void {
    if (ackedSeq > this.acked) this.quietBeats = 0;
    this.acked = Math.max(this.acked, ackedSeq);
    this.pending = this.pending.filter((op) => op.seq > this.acked);
    const answered =
      this.request.reason === "terminate"
        ? terminated && this.acked >= this.request.upTo
        : this.acked >= this.request.upTo;
    if (answered) this.request = { reason: "change", upTo: 0 };
  }

  /** Called on each heartbeat: after a whole quiet heartbeat, hand over again what is still unanswered. */
  heartbeat(): void {
    if (!this.awaitingAnswer()) {
      this.quietBeats = 0;
      return;
    }
    this.quietBeats += 1;
    if (this.quietBeats >= 2) this.resendUnacknowledged();
  }

  private awaitingAnswer(): boolean {
    return this.pending.some((op) => op.seq <= this.sentUpTo) || this.request.reason !== "change";
  }

  private resendUnacknowledged(): void {
    const handedOver = this.pending.filter((op) => op.seq <= this.sentUpTo);
    if (handedOver.length === 0 && this.request.reason === "change") return;
    this.quietBeats = 0;
    this.send({ type: "ops", ops: handedOver, reason: this.request.reason });
  }

  get unacknowledged(): readonly Op[] {
    return this.pending;
  }
}
