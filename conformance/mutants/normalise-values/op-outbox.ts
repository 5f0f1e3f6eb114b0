// Mutant: values are "cleaned" before they leave the frame: Unicode NFC normalisation and trimmed whitespace.
import { OpOutbox as ReferenceOpOutbox } from "../../../bridge/frame/op-outbox.ts";

export class OpOutbox extends ReferenceOpOutbox {
  override record(element: string, value: string): void {
    super.record(element, value.normalize("NFC").trim());
  }
}
