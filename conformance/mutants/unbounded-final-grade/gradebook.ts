// Mutant (plugin server side): the gradebook's final grade is the raw grade, never bounded into the grade item's
// range — a sum of 180 out of 100 shows 180, a negative 2004 score shows below 0.
import type { TwinDb } from "../../../moodle-stack/twin/db.ts";
import {
  Gradebook as ReferenceGradebook,
  type GradeItemParams,
  type RawGrade,
} from "../../../moodle-stack/twin/gradebook.ts";

export * from "../../../moodle-stack/twin/gradebook.ts";

export class Gradebook extends ReferenceGradebook {
  constructor(private readonly database: TwinDb) {
    super(database);
  }

  override update(
    courseid: number,
    iteminstance: number,
    params: GradeItemParams,
    grades: readonly RawGrade[] = [],
    usermodified: number | null = null,
    reset = false,
  ): void {
    super.update(courseid, iteminstance, params, grades, usermodified, reset);
    const item = this.item(iteminstance);
    if (item)
      this.database.run("UPDATE mdl_grade_grades SET finalgrade = rawgrade WHERE itemid = ?", [item.id]);
  }
}
