// scorm_insert_track's `forcecompleted` rule (SCORM 1.2 only): a lesson_status of "incomplete" is stored as
// "completed" once a score.raw exists, and storing a score.raw turns a stored "incomplete" into "completed".
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
      ["cmi.core.score.raw", value],
      ["cmi.core.lesson_status", "completed"],
    ];
  }
  return [[element, value]];
}
