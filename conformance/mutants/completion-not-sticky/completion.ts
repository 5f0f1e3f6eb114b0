// Mutant (plugin server side): completion is recomputed on every regrade even once complete, so a later failed
// status or a score below the minimum takes a completed activity back to incomplete (mod_scorm keeps it complete).
import type { TwinDb } from "../../../moodle-stack/twin/db.ts";
import { Completion as ReferenceCompletion } from "../../../moodle-stack/twin/completion.ts";

export * from "../../../moodle-stack/twin/completion.ts";

export class Completion extends ReferenceCompletion {
  constructor(private readonly database: TwinDb) {
    super(database);
  }

  override updateState(scormid: number, userid: number, possibleresult: number): void {
    this.database.run(
      `DELETE FROM mdl_course_modules_completion
        WHERE userid = ? AND coursemoduleid IN (
          SELECT cm.id FROM mdl_course_modules cm JOIN mdl_modules m ON m.id = cm.module AND m.name = 'scorm'
           WHERE cm.instance = ?)`,
      [userid, scormid],
    );
    super.updateState(scormid, userid, possibleresult);
  }
}
