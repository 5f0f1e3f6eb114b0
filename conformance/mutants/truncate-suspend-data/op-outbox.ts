// Mutant: suspend_data is cut at 4,096 characters before it leaves the frame (SCORM 1.2's limit applied to 2004).
import { OpOutbox as ReferenceOpOutbox } from "../../../bridge/frame/op-outbox.ts";

export class OpOutbox extends ReferenceOpOutbox {
  override record(element: string, value: string): void {
    super.record(element, element.endsWith(".suspend_data") ? value.slice(0, 4096) : value);
  }
}
