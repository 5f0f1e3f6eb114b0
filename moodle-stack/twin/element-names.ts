// mod_scorm's element spelling: SCORM 1.2 array members are stored with underscores
// (cmi.interactions.0.id -> cmi.interactions_0.id), SCORM 2004 members keep their dots.
import type { ScormVersion } from "../../bridge/protocol/messages.ts";

export function toStoredElement(element: string, version: ScormVersion): string {
  return version === "1.2" ? element.replace(/\.(\d+)(?=\.)/g, "_$1") : element;
}

export function fromStoredElement(element: string, version: ScormVersion): string {
  return version === "1.2" ? element.replace(/_(\d+)(?=\.)/g, ".$1") : element;
}

/** Moodle's `scorm.version` column value for a SCORM version. */
export function moodleVersionColumn(version: ScormVersion): "SCORM_1.2" | "SCORM_1.3" {
  return version === "1.2" ? "SCORM_1.2" : "SCORM_1.3";
}

export function versionFromColumn(column: string): ScormVersion {
  if (column === "SCORM_1.2") return "1.2";
  if (column === "SCORM_1.3") return "2004";
  throw new Error(`Unsupported scorm.version ${column}`);
}
