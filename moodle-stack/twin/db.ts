// The twin's database and the small typed, synchronous query layer over it. The engine is SQLite (better-sqlite3,
// in memory) by default, or a MySQL/MariaDB server (`database.mysqlUrl`, a fresh database per twin); the
// schema (schema.ts) and every query are the same on both (upsert() spells the one that differs). mod_scorm's
// tracking tables follow Moodle 4.5 or 4.1 (`tracks`, track-storage.ts), chosen when the database is opened.
import { MysqlBackend, type MysqlDatabaseOptions } from "./mysql/mysql-backend.ts";
import { roleSeedStatements } from "./role-archetypes.ts";
import { SITE_SEED_STATEMENTS, twinTables } from "./schema.ts";
import type { Params, Row, SqlBackend, SqlValue } from "./sql-backend.ts";
import { assertIdentifiers, upsertSql, type SqlDialect } from "./sql-dialect.ts";
import { BetterSqliteBackend } from "./better-sqlite-backend.ts";
import { schemaSql } from "./table-ddl.ts";
import { DEFAULT_MOODLE_SCHEMA, type MoodleSchema, type TrackStorage } from "./track-storage.ts";
import { TRACK_STORAGES } from "./track-storages.ts";

export type { Params, Row, SqlValue };

/** Where the twin keeps its tables: absent, embedded SQLite; `mysqlUrl`, a MySQL/MariaDB server. */
export type TwinDatabaseOptions = MysqlDatabaseOptions;

export class TwinDb {
  /** Upsert statements by table, columns and key: written once per shape. */
  private readonly upserts = new Map<string, string>();

  /** mod_scorm's tracking storage in this database's Moodle schema: every track read and write goes through it. */
  readonly tracks: TrackStorage;

  private constructor(
    private readonly backend: SqlBackend,
    schema: MoodleSchema,
  ) {
    this.tracks = TRACK_STORAGES[schema].open(this);
  }

  static async open(
    database?: TwinDatabaseOptions,
    schema: MoodleSchema = DEFAULT_MOODLE_SCHEMA,
  ): Promise<TwinDb> {
    const backend = database ? MysqlBackend.open(database) : BetterSqliteBackend.open();
    try {
      for (const sql of [
        ...schemaSql(twinTables(schema), backend.dialect),
        ...SITE_SEED_STATEMENTS,
        ...roleSeedStatements(),
      ])
        backend.exec(sql);
    } catch (error) {
      backend.close();
      throw error;
    }
    return new TwinDb(backend, schema);
  }

  get dialect(): SqlDialect {
    return this.backend.dialect;
  }

  all<T extends Row = Row>(sql: string, params: Params = []): T[] {
    return this.backend.all(sql, params) as T[];
  }

  get<T extends Row = Row>(sql: string, params: Params = []): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** Runs a statement; for an INSERT, returns the id of the row it inserted (else 0). */
  run(sql: string, params: Params = []): number {
    return this.backend.run(sql, params, /^\s*INSERT\b/i.test(sql));
  }

  /** Inserts one row into `table` from a column map, returning its id. */
  insert(table: string, values: Record<string, SqlValue>): number {
    const columns = Object.keys(values);
    assertIdentifiers(table, ...columns);
    const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `:${c}`).join(", ")})`;
    return this.run(sql, namedParams(values));
  }

  /** Inserts one row, or, when a row with the same values in the unique `key` columns exists, updates its other columns. */
  upsert(table: string, values: Record<string, SqlValue>, key: string[]): void {
    const columns = Object.keys(values);
    const shape = `${table}(${columns.join()})[${key.join()}]`;
    let sql = this.upserts.get(shape);
    if (!sql) {
      sql = upsertSql(this.dialect, table, columns, key);
      this.upserts.set(shape, sql);
    }
    this.backend.run(
      sql,
      Object.values(values).map((v) => v ?? null),
      false,
    );
  }

  transaction<T>(work: () => T): T {
    this.backend.exec("BEGIN");
    try {
      const result = work();
      this.backend.exec("COMMIT");
      return result;
    } catch (error) {
      this.backend.exec("ROLLBACK");
      throw error;
    }
  }

  close(): void {
    this.backend.close();
  }
}

function namedParams(values: Record<string, SqlValue>): Record<string, SqlValue> {
  const params: Record<string, SqlValue> = {};
  for (const [c, v] of Object.entries(values)) params[`:${c}`] = v ?? null;
  return params;
}
