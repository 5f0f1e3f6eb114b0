// Mutant: Commit answers "true" but nothing leaves the frame until Terminate.
import { OpOutbox as ReferenceOpOutbox } from "../../../bridge/frame/op-outbox.ts";

export class OpOutbox extends ReferenceOpOutbox {
  override flush(reason: "commit" | "terminate"): void {
    if (reason === "terminate") super.flush(reason);
  }
}
