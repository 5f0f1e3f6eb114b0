// The twin's embedded SQLite database (sql.js, no native build) and the small typed query layer over it.
// Statements are prepared once per SQL text and reused: preparing costs more than running the twin's small
// queries, and a commit runs about twenty of them.
import initSqlJs, { type Database, type SqlValue, type Statement } from "sql.js";
import { roleSeedSql } from "./role-archetypes.ts";
import { TWIN_SCHEMA } from "./schema.ts";

export type Row = Record<string, SqlValue>;
export type Params = Record<string, SqlValue> | SqlValue[];

export class TwinDb {
  private readonly statements = new Map<string, Statement>();

  private constructor(private readonly db: Database) {}

  /** The prepared statement for `sql`, bound to `params` and ready to step. */
  private bound(sql: string, params: Params): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    stmt.bind(params);
    return stmt;
  }

  static async open(): Promise<TwinDb> {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run("PRAGMA foreign_keys = ON;");
    // The database lives in sql.js's in-memory file system and only this process opens it: hold its lock for
    // good (no lock and hot-journal check around every statement) and keep the rollback journal in memory,
    // not as a second emulated file written on every transaction (rollback still works).
    db.run("PRAGMA locking_mode = EXCLUSIVE;");
    db.run("PRAGMA journal_mode = MEMORY;");
    db.run("PRAGMA temp_store = MEMORY;");
    db.exec(TWIN_SCHEMA);
    db.exec(roleSeedSql());
    return new TwinDb(db);
  }

  all<T extends Row = Row>(sql: string, params: Params = []): T[] {
    const stmt = this.bound(sql, params);
    try {
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.reset();
    }
  }

  get<T extends Row = Row>(sql: string, params: Params = []): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** Runs a statement; for an INSERT, returns the id of the row it inserted (else 0). */
  run(sql: string, params: Params = []): number {
    const stmt = this.bound(sql, params);
    try {
      while (stmt.step());
    } finally {
      stmt.reset();
    }
    if (!/^\s*INSERT\b/i.test(sql)) return 0;
    return Number(this.get<{ id: number }>("SELECT last_insert_rowid() AS id")?.id ?? 0);
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
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
    this.db.close();
  }
}
