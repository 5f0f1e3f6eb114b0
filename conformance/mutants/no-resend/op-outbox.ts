// Mutant: the frame hands each op over once and never again, so an ops message lost on a live channel loses
// its ops for good (breaks P17's message-fault half).
import { OpOutbox as ReferenceOpOutbox } from "../../../bridge/frame/op-outbox.ts";

export class OpOutbox extends ReferenceOpOutbox {
  override heartbeat(): void {
    // never resends
  }
}
