// The SQL reads the bench polls: one stored track value and the bridge plugin's launch row.
import type { CdnActivity, LmsUser } from "../lms-driver/lms-driver.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";

/** The stored value of one element in the learner's attempts at an activity, if any. */
export function storedValue(
  stack: EmbeddedStack,
  activity: CdnActivity,
  user: LmsUser,
  element: string,
): string | undefined {
  const row = stack.twin.query(
    `SELECT v.value AS value
       FROM mdl_scorm_scoes_value v
       JOIN mdl_scorm_attempt a ON a.id = v.attemptid
       JOIN mdl_scorm_element e ON e.id = v.elementid
      WHERE a.scormid = ? AND a.userid = ? AND e.element = ?
      ORDER BY v.id DESC LIMIT 1`,
    [activity.scormid, user.id, element],
  )[0];
  return row === undefined ? undefined : String(row.value);
}

/** Whether a row holding exactly this value of the element exists for the learner. */
export function hasStoredValue(
  stack: EmbeddedStack,
  activity: CdnActivity,
  user: LmsUser,
  element: string,
  value: string,
): boolean {
  return (
    stack.twin.query(
      `SELECT 1 AS hit
         FROM mdl_scorm_scoes_value v
         JOIN mdl_scorm_attempt a ON a.id = v.attemptid
         JOIN mdl_scorm_element e ON e.id = v.elementid
        WHERE a.scormid = ? AND a.userid = ? AND e.element = ? AND v.value = ?
        LIMIT 1`,
      [activity.scormid, user.id, element, value],
    ).length > 0
  );
}

export interface LaunchRow {
  ackedseq: number;
  terminated: number;
}

/** The learner's latest launch row in the bridge plugin's table. */
export function latestLaunch(
  stack: EmbeddedStack,
  activity: CdnActivity,
  user: LmsUser,
): LaunchRow | undefined {
  const row = stack.twin.query(
    `SELECT ackedseq, finished FROM mdl_local_extscormbridge_launch
      WHERE scormid = ? AND userid = ? ORDER BY id DESC LIMIT 1`,
    [activity.scormid, user.id],
  )[0];
  return row === undefined ? undefined : { ackedseq: Number(row.ackedseq), terminated: Number(row.finished) };
}
