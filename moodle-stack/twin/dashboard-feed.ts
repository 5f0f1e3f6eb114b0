// What the plugin tells the teacher's live dashboard after every stored commit: which learner of which activity
// changed. The twin pushes the learner's new status and score to open dashboards (P26).

export interface CommitNotice {
  cmid: number;
  learnerid: number;
  /** The commit finished the SCO (Terminate/LMSFinish). */
  terminated: boolean;
}

export type CommitListener = (notice: CommitNotice) => void;

export function publishCommit(listener: CommitListener | undefined, notice: CommitNotice): void {
  listener?.(notice);
}
