// The twin's default database: SQLite in WebAssembly (sql.js, no native build), in memory. Statements are
// prepared once per SQL text and reused: preparing costs more than running the twin's small queries, and a
// commit runs about twenty of them.
import initSqlJs, { type Database, type Statement } from "sql.js";
import type { Params, Row, SqlBackend } from "./sql-backend.ts";

/**
 * sql.js reads text through one TextDecoder made when it loads, with the default that drops a leading U+FEFF:
 * a value stored as "\uFEFFx" would read back as "x". Moodle's databases keep it, so the twin loads sql.js with
 * a decoder that keeps it (the global is swapped only while sql.js makes its decoder).
 */
function loadSqlJsKeepingBom(): ReturnType<typeof initSqlJs> {
  const Original = globalThis.TextDecoder;
  class KeepingBom extends Original {
    constructor(label?: string, options?: TextDecoderOptions) {
      super(label, { ...options, ignoreBOM: true });
    }
  }
  globalThis.TextDecoder = KeepingBom;
  try {
    return initSqlJs();
  } finally {
    globalThis.TextDecoder = Original;
  }
}

export class SqlJsBackend implements SqlBackend {
  readonly dialect = "sqlite";
  private readonly statements = new Map<string, Statement>();

  private constructor(private readonly db: Database) {}

  static async open(): Promise<SqlJsBackend> {
    const SQL = await loadSqlJsKeepingBom();
    const db = new SQL.Database();
    db.run("PRAGMA foreign_keys = ON;");
    // The database lives in sql.js's in-memory file system and only this process opens it: hold its lock for
    // good (no lock and hot-journal check around every statement) and keep the rollback journal in memory,
    // not as a second emulated file written on every transaction (rollback still works).
    db.run("PRAGMA locking_mode = EXCLUSIVE;");
    db.run("PRAGMA journal_mode = MEMORY;");
    db.run("PRAGMA temp_store = MEMORY;");
    return new SqlJsBackend(db);
  }

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

  all(sql: string, params: Params): Row[] {
    const stmt = this.bound(sql, params);
    try {
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject());
      return rows;
    } finally {
      stmt.reset();
    }
  }

  run(sql: string, params: Params, insert: boolean): number {
    const stmt = this.bound(sql, params);
    try {
      while (stmt.step());
    } finally {
      stmt.reset();
    }
    return insert ? Number(this.all("SELECT last_insert_rowid() AS id", [])[0]?.id ?? 0) : 0;
  }

  exec(sql: string): void {
    this.db.run(sql);
  }

  close(): void {
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
    this.db.close();
  }
}
