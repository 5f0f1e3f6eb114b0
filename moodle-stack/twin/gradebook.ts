// The part of Moodle's gradebook mod_scorm writes to (moodle-scorm-contract §3.4): core's grade_update() for the
// activity's grade item (grade_items: itemtype mod, itemmodule scorm, iteminstance = scorm.id, itemnumber 0) and one
// grade_grades row per user: rawgrade as mod_scorm computed it, rawgrademin/max copied from the item, and finalgrade
// bounded into the item's range (a sum of 180 with maximum grade 100 stays rawgrade 180, finalgrade 100).
// Grades are DECIMAL(10,5) columns in Moodle: values are kept to five decimals.
// A grade whose final grade is set on insert, or changes on update, logs \core\event\user_graded (core-events.ts).
import { actingUser, userGraded } from "./core-events.ts";
import type { TwinDb } from "./db.ts";
import type { Actor } from "./log-store.ts";

export const GRADE_TYPE_NONE = 0;
export const GRADE_TYPE_VALUE = 1;

/** What mod_scorm hands grade_update about its item (scorm_grade_item_update). */
export interface GradeItemParams {
  itemname: string;
  idnumber: string | null;
  gradetype: number;
  grademax?: number;
  grademin?: number;
}

export interface RawGrade {
  userid: number;
  rawgrade: number | null;
}

export interface GradeItemRow {
  [key: string]: number | string | null;
  id: number;
  courseid: number;
  iteminstance: number;
  itemname: string;
  idnumber: string | null;
  gradetype: number;
  grademax: number;
  grademin: number;
}

export interface GradeGradeRow {
  [key: string]: number | string | null;
  id: number;
  itemid: number;
  userid: number;
  rawgrade: number | null;
  rawgrademax: number;
  rawgrademin: number;
  finalgrade: number | null;
  usermodified: number | null;
  timemodified: number | null;
}

const now = (): number => Math.floor(Date.now() / 1000);

/** A DECIMAL(10,5) column's view of a number (rounded half away from zero). */
export function toDecimal5(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 1e5)) / 1e5;
}

/**
 * grade_item::adjust_raw_grade for a value item whose raw range is the item's own: an item without a range gives its
 * maximum; otherwise the raw grade bounded into [grademin, grademax].
 */
export function finalGrade(rawgrade: number | null, grademin: number, grademax: number): number | null {
  if (rawgrade === null) return null;
  if (grademax < grademin) return grademin;
  if (grademax === grademin) return grademax;
  return Math.min(grademax, Math.max(grademin, rawgrade));
}

export class Gradebook {
  /** `actor`: the user whose request writes the grades (the event's userid); else the grade's usermodified. */
  constructor(
    private readonly db: TwinDb,
    private readonly actor: Actor | null = null,
  ) {}

  item(iteminstance: number): GradeItemRow | undefined {
    return this.db.get<GradeItemRow>(
      `SELECT * FROM mdl_grade_items
        WHERE itemtype = 'mod' AND itemmodule = 'scorm' AND iteminstance = ? AND itemnumber = 0`,
      [iteminstance],
    );
  }

  grade(iteminstance: number, userid: number): GradeGradeRow | undefined {
    const item = this.item(iteminstance);
    if (!item) return undefined;
    return this.db.get<GradeGradeRow>("SELECT * FROM mdl_grade_grades WHERE itemid = ? AND userid = ?", [
      item.id,
      userid,
    ]);
  }

  /**
   * grade_update('mod/scorm', courseid, 'mod', 'scorm', iteminstance, 0, grades, params): creates or updates the
   * item from `params`, then stores each raw grade (a row changes only when its values do). An item of type none
   * keeps no grades; `reset` deletes them all.
   */
  update(
    courseid: number,
    iteminstance: number,
    params: GradeItemParams,
    grades: readonly RawGrade[] = [],
    usermodified: number | null = null,
    reset = false,
  ): void {
    const item = this.upsertItem(courseid, iteminstance, params);
    if (reset) this.db.run("DELETE FROM mdl_grade_grades WHERE itemid = ?", [item.id]);
    if (item.gradetype === GRADE_TYPE_NONE) return;
    for (const g of grades) this.updateRawGrade(item, g, usermodified);
  }

  private upsertItem(courseid: number, iteminstance: number, params: GradeItemParams): GradeItemRow {
    const wanted = {
      itemname: params.itemname,
      idnumber: params.idnumber,
      gradetype: params.gradetype,
      ...(params.grademax === undefined ? {} : { grademax: toDecimal5(params.grademax) }),
      ...(params.grademin === undefined ? {} : { grademin: toDecimal5(params.grademin) }),
    };
    const existing = this.item(iteminstance);
    if (!existing) {
      this.db.insert("mdl_grade_items", {
        courseid,
        itemtype: "mod",
        itemmodule: "scorm",
        iteminstance,
        itemnumber: 0,
        ...wanted,
        timecreated: now(),
        timemodified: now(),
      });
      return this.item(iteminstance)!;
    }
    const changed = Object.entries(wanted).filter(([k, v]) => existing[k] !== v);
    if (changed.length > 0) {
      const sets = changed.map(([k]) => `${k} = ?`).join(", ");
      this.db.run(`UPDATE mdl_grade_items SET ${sets}, timemodified = ? WHERE id = ?`, [
        ...changed.map(([, v]) => v),
        now(),
        existing.id,
      ]);
    }
    return this.item(iteminstance)!;
  }

  /** grade_item::update_raw_grade followed by the regrade of that user's final grade. */
  private updateRawGrade(item: GradeItemRow, grade: RawGrade, usermodified: number | null): void {
    const rawgrade = grade.rawgrade === null ? null : toDecimal5(grade.rawgrade);
    const bounded = finalGrade(rawgrade, item.grademin, item.grademax);
    const finalgrade = bounded === null ? null : toDecimal5(bounded);
    const existing = this.db.get<GradeGradeRow>(
      "SELECT * FROM mdl_grade_grades WHERE itemid = ? AND userid = ?",
      [item.id, grade.userid],
    );
    const graded = (id: number) =>
      userGraded(this.db, actingUser(this.actor, usermodified), {
        id,
        itemid: item.id,
        userid: grade.userid,
        finalgrade,
        courseid: item.courseid,
      });
    if (!existing) {
      const id = this.db.insert("mdl_grade_grades", {
        itemid: item.id,
        userid: grade.userid,
        rawgrade,
        rawgrademax: item.grademax,
        rawgrademin: item.grademin,
        usermodified,
        finalgrade,
        timecreated: null,
        timemodified: now(),
        aggregationstatus: "unknown",
      });
      if (finalgrade !== null) graded(id);
      return;
    }
    if (
      existing.rawgrade === rawgrade &&
      existing.finalgrade === finalgrade &&
      existing.rawgrademax === item.grademax &&
      existing.rawgrademin === item.grademin
    )
      return;
    this.db.run(
      `UPDATE mdl_grade_grades SET rawgrade = ?, rawgrademax = ?, rawgrademin = ?, finalgrade = ?, usermodified = ?,
              timemodified = ? WHERE id = ?`,
      [rawgrade, item.grademax, item.grademin, finalgrade, usermodified, now(), existing.id],
    );
    if (existing.finalgrade !== finalgrade) graded(existing.id);
  }
}
