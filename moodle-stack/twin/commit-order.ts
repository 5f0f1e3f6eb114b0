// The order a commit's ops are stored in: mod_scorm's player posts a SCO's score before its status — in the golden
// recordings of Moodle 4.5.6 cmi.core.score.raw precedes cmi.core.lesson_status in all 22 SCORM 1.2 posts holding
// both, cmi.score.raw precedes cmi.completion_status (10 posts) and cmi.success_status (6) in 2004 — and
// datamodel.php stores and regrades element by element in posted order (moodle-scorm-contract §1.2, §2.3, §3.4), so
// Moodle never grades a final status without the score sent with it. A commit carries the SCO's SetValue order
// instead; storing its score ops first (then the rest, each group in sequence order, so the same element keeps its
// order) grades as Moodle does, with no transient grade 0 logged before the score arrives. The plugin's commit
// does the same (op_applier::native_order).
import type { Op } from "../../bridge/protocol/messages.ts";

const SCORE_OP = /^cmi\.(core\.)?score\.(raw|min|max|scaled)$/;

/** The ops in storing order: score elements first, then the others; each group by sequence number. */
export function nativeCommitOrder(ops: readonly Op[]): Op[] {
  const rank = (op: Op) => (SCORE_OP.test(op.element) ? 0 : 1);
  return [...ops].sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
}
