// Mutant (P26): tells the dashboard only about commits that finish the SCO, so a learner's Commit mid-session
// shows up only after a reload (or when they leave).
import type { CommitListener, CommitNotice } from "../../../moodle-stack/twin/dashboard-feed.ts";

export type { CommitListener, CommitNotice };

export function publishCommit(listener: CommitListener | undefined, notice: CommitNotice): void {
  if (notice.terminated) listener?.(notice);
}
