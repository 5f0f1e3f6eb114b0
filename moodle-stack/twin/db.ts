// The twin's embedded SQLite database (sql.js, no native build) and the small typed query layer over it.
import initSqlJs, { type Database, type SqlValue } from "sql.js";
import { roleSeedSql } from "./role-archetypes.ts";
import { TWIN_SCHEMA } from "./schema.ts";

export type Row = Record<string, SqlValue>;
export type Params = Record<string, SqlValue> | SqlValue[];

export class TwinDb {
  private constructor(private readonly db: Database) {}

  static async open(): Promise<TwinDb> {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run("PRAGMA foreign_keys = ON;");
    db.exec(TWIN_SCHEMA);
    db.exec(roleSeedSql());
    return new TwinDb(db);
  }

  all<T extends Row = Row>(sql: string, params: Params = []): T[] {
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.free();
    }
  }

  get<T extends Row = Row>(sql: string, params: Params = []): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** Runs a statement and returns the id of the row it inserted (if any). */
  run(sql: string, params: Params = []): number {
    this.db.run(sql, params);
    const row = this.get<{ id: number }>("SELECT last_insert_rowid() AS id");
    return Number(row?.id ?? 0);
  }

  /** Inserts one row into `table` from a column map, returning its id. */
  insert(table: string, values: Record<string, SqlValue>): number {
    const columns = Object.keys(values);
    for (const c of [table, ...columns]) if (!/^[a-z_]+$/.test(c)) throw new Error(`Bad identifier ${c}`);
    const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `:${c}`).join(", ")})`;
    const params: Record<string, SqlValue> = {};
    for (const c of columns) params[`:${c}`] = values[c] ?? null;
    return this.run(sql, params);
  }

  transaction<T>(work: () => T): T {
    this.db.run("BEGIN");
    try {
      const result = work();
      this.db.run("COMMIT");
      return result;
    } catch (error) {
      this.db.run("ROLLBACK");
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}
