// SCORM 1.2's cmi.comments is appended to, not replaced (SCORM 1.2 RTE 3.4.2: each LMSSetValue adds to the
// learner's comments): Moodle's 1.2 player does so (golden s12_interactions_objectives: "first." then " second."
// reads back "first. second.", and the player posts the whole text). scorm-again replaces the value, so the facade
// hands it the text so far followed by the new part; the runtime's own checks (CMIString4096) then judge the whole.
import type { ScormVersion } from "../protocol/messages.ts";

const APPENDED_ELEMENT = "cmi.comments";

/** The SetValue arguments to give the runtime: for 1.2 cmi.comments, the stored text with `args[1]` appended. */
export function withAppendedComment(
  version: ScormVersion,
  runtime: Record<string, unknown>,
  args: readonly string[],
): string[] {
  if (version !== "1.2" || args[0] !== APPENDED_ELEMENT || typeof args[1] !== "string") return [...args];
  const held = (runtime.cmi as { comments?: unknown } | undefined)?.comments;
  return [args[0], `${typeof held === "string" ? held : ""}${args[1]}`, ...args.slice(2)];
}
