// The twin's default database: SQLite in memory through better-sqlite3 (native; a prebuilt binary, or built at
// install). Statements are prepared once per SQL text and reused: a commit runs about twenty small queries, and
// each costs microseconds here (sql.js, SQLite in WebAssembly, took 0.1–0.2 ms each).
import Database from "better-sqlite3";
import { plainParams, type Params, type Row, type SqlBackend } from "./sql-backend.ts";

export class BetterSqliteBackend implements SqlBackend {
  readonly dialect = "sqlite";
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {}

  static open(): BetterSqliteBackend {
    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    return new BetterSqliteBackend(db);
  }

  private prepared(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  all(sql: string, params: Params): Row[] {
    const stmt = this.prepared(sql);
    const bound = plainParams(params);
    if (!stmt.reader) {
      stmt.run(bound);
      return [];
    }
    return stmt.all(bound) as Row[];
  }

  run(sql: string, params: Params, insert: boolean): number {
    const stmt = this.prepared(sql);
    const bound = plainParams(params);
    if (stmt.reader) {
      stmt.all(bound);
      return 0;
    }
    const info = stmt.run(bound);
    return insert ? Number(info.lastInsertRowid) : 0;
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
