// scorm_insert_track's `forcecompleted` rule (SCORM 1.2 only): a lesson_status of "incomplete" is stored as
// "completed" once a score.raw exists, and storing a score.raw turns a stored "incomplete" into "completed".
// scorm_insert_track flips the stored status before it stores the score (§2.3 step 1), so the regrade the score
// triggers already sees "completed" (s12_forcecompleted: completion 1).
export function forceCompletedWrites(
  element: string,
  value: string,
  stored: ReadonlyMap<string, string>,
): Array<[string, string]> {
  if (element === "cmi.core.lesson_status" && value === "incomplete" && stored.has("cmi.core.score.raw")) {
    return [["cmi.core.lesson_status", "completed"]];
  }
  if (element === "cmi.core.score.raw" && stored.get("cmi.core.lesson_status") === "incomplete") {
    return [
      ["cmi.core.lesson_status", "completed"],
      ["cmi.core.score.raw", value],
    ];
  }
  return [[element, value]];
}
