// Moodle's context tree (mdl_context): system -> course -> module. Rows are made on first use, with Moodle's
// levels, path ("/1/<course ctx>/<module ctx>") and depth.
import type { TwinDb } from "./db.ts";

export const CONTEXT_SYSTEM = 10;
export const CONTEXT_COURSE = 50;
export const CONTEXT_MODULE = 70;
/** The system context row the schema seeds. */
export const SYSTEM_CONTEXT_ID = 1;

export interface ContextRow {
  [key: string]: number | string;
  id: number;
  contextlevel: number;
  instanceid: number;
  path: string;
  depth: number;
}

function find(db: TwinDb, level: number, instanceid: number): ContextRow | undefined {
  return db.get<ContextRow>(
    "SELECT id, contextlevel, instanceid, path, depth FROM mdl_context WHERE contextlevel = ? AND instanceid = ?",
    [level, instanceid],
  );
}

function create(db: TwinDb, level: number, instanceid: number, parent: ContextRow): ContextRow {
  const id = db.insert("mdl_context", { contextlevel: level, instanceid, path: "", depth: parent.depth + 1 });
  const path = `${parent.path}/${id}`;
  db.run("UPDATE mdl_context SET path = ? WHERE id = ?", [path, id]);
  return { id, contextlevel: level, instanceid, path, depth: parent.depth + 1 };
}

export function systemContext(db: TwinDb): ContextRow {
  const row = find(db, CONTEXT_SYSTEM, 0);
  if (!row) throw new Error("The twin has no system context");
  return row;
}

/** context_course::instance(). */
export function courseContext(db: TwinDb, courseid: number): ContextRow {
  return find(db, CONTEXT_COURSE, courseid) ?? create(db, CONTEXT_COURSE, courseid, systemContext(db));
}

/** context_module::instance(): the course module's context, below its course's. */
export function moduleContext(db: TwinDb, cmid: number): ContextRow {
  const existing = find(db, CONTEXT_MODULE, cmid);
  if (existing) return existing;
  const cm = db.get<{ course: number }>("SELECT course FROM mdl_course_modules WHERE id = ?", [cmid]);
  if (!cm) throw new Error(`No course module ${cmid}`);
  return create(db, CONTEXT_MODULE, cmid, courseContext(db, cm.course));
}

/** The ids on a context's path, system first. */
export function contextLineage(context: ContextRow): number[] {
  return context.path
    .split("/")
    .filter(Boolean)
    .map((id) => Number(id));
}
