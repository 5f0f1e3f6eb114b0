// Carries ops from the frame to the LMS API one commit at a time, in order, and acknowledges what the LMS
// stored back to the frame.
import type { Op } from "../protocol/messages.ts";
import type { LmsApiClient } from "./lms-api-client.ts";

export class CommitRelay {
  private chain: Promise<void> = Promise.resolve();
  private ackedSeq = 0;

  constructor(
    private readonly client: LmsApiClient,
    private readonly launchId: string,
    private readonly onAck: (ackedSeq: number) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  submit(ops: Op[], terminate: boolean): void {
    this.chain = this.chain.then(async () => {
      const fresh = ops.filter((op) => op.seq > this.ackedSeq);
      if (fresh.length === 0 && !terminate) return;
      try {
        const result = await this.client.commit(this.launchId, fresh, terminate);
        this.ackedSeq = Math.max(this.ackedSeq, result.ackedseq);
        this.onAck(this.ackedSeq);
      } catch (error) {
        this.onError(error);
      }
    });
  }

  /** Resolves once every submitted commit has been answered. */
  settled(): Promise<void> {
    return this.chain;
  }
}
