// Mutant: writes to interactions above index 199 never leave the frame (a bridge with a smaller collection cap).
import { OpOutbox as ReferenceOpOutbox } from "../../../bridge/frame/op-outbox.ts";

const HIGH_INTERACTION = /^cmi\.interactions\.(\d+)\./;

export class OpOutbox extends ReferenceOpOutbox {
  override record(element: string, value: string): void {
    const index = HIGH_INTERACTION.exec(element)?.[1];
    if (index !== undefined && Number(index) >= 200) return;
    super.record(element, value);
  }
}
