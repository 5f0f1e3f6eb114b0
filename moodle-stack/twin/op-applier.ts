// Applies a launch's ops idempotently and in any order: an op already applied is skipped, an op older than one
// already applied to the same element is superseded (last writer by sequence number wins), and the
// acknowledgement is the highest sequence number below which every op has been seen. An op `refuse` gives a reason
// for is rejected: not written, yet seen (acknowledged, so it is not resent) and no later writer of its element.
import type { Op } from "../../bridge/protocol/messages.ts";
import type { TwinDb } from "./db.ts";

export interface ApplyResult {
  ackedseq: number;
  applied: number;
  duplicates: number;
  superseded: number;
  rejected: RejectedOp[];
}

/** An op refused one by one, as the commit answer reports it. */
export interface RejectedOp {
  seq: number;
  element: string;
  reason: string;
}

export function applyOps(
  db: TwinDb,
  launch: { id: number; ackedseq: number },
  ops: readonly Op[],
  write: (op: Op) => void,
  refuse: (op: Op) => string | null = () => null,
): ApplyResult {
  const storedAhead = db
    .all<{ seq: number }>("SELECT seq FROM mdl_local_extscormbridge_ahead WHERE launch = ?", [launch.id])
    .map((r) => r.seq);
  const ahead = new Set(storedAhead);
  let acked = launch.ackedseq;
  const result: ApplyResult = { ackedseq: acked, applied: 0, duplicates: 0, superseded: 0, rejected: [] };
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    if (op.seq <= acked || ahead.has(op.seq)) {
      result.duplicates += 1;
      continue;
    }
    ahead.add(op.seq);
    const reason = refuse(op);
    if (reason !== null) {
      result.rejected.push({ seq: op.seq, element: op.element, reason });
      continue;
    }
    const last = db.get<{ seq: number }>(
      "SELECT seq FROM mdl_local_extscormbridge_opseq WHERE launch = ? AND element = ?",
      [launch.id, op.element],
    );
    if (last && last.seq > op.seq) {
      result.superseded += 1;
    } else {
      write(op);
      db.upsert("mdl_local_extscormbridge_opseq", { launch: launch.id, element: op.element, seq: op.seq }, [
        "launch",
        "element",
      ]);
      result.applied += 1;
    }
  }
  while (ahead.has(acked + 1)) ahead.delete(++acked);
  // The stored rows become `ahead`: those now acknowledged (all at or below acked) go, new ones come; rows that
  // stay ahead are left as they are.
  if (storedAhead.some((seq) => !ahead.has(seq)))
    db.run("DELETE FROM mdl_local_extscormbridge_ahead WHERE launch = ? AND seq <= ?", [launch.id, acked]);
  const kept = new Set(storedAhead);
  for (const seq of ahead)
    if (!kept.has(seq)) db.insert("mdl_local_extscormbridge_ahead", { launch: launch.id, seq });
  result.ackedseq = acked;
  return result;
}
