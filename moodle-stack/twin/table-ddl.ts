// CREATE TABLE statements for the twin's schema (schema.ts) in either SQL dialect it runs on. SQLite keeps the
// loose types the twin always had (INTEGER, REAL, TEXT); MySQL gets Moodle's (BIGINT, DOUBLE, VARCHAR,
// LONGTEXT), InnoDB and, through the database's collation, SQLite's byte-wise text comparison.
import type { SqlDialect } from "./sql-dialect.ts";
import type { ColumnSpec, TableSpec } from "./table-spec.ts";

function sqlType(c: ColumnSpec, dialect: SqlDialect): string {
  if (dialect === "sqlite") return { int: "INTEGER", float: "REAL", char: "TEXT", text: "TEXT" }[c.type];
  return { int: "BIGINT", float: "DOUBLE", char: `VARCHAR(${c.length ?? 255})`, text: "LONGTEXT" }[c.type];
}

function literal(value: number | string): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Bad default ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

function defaultClause(c: ColumnSpec, dialect: SqlDialect): string {
  if (c.default === undefined) return "";
  // MySQL accepts a LONGTEXT default only as an expression in parentheses (MariaDB either way).
  const text = dialect === "mysql" && c.type === "text";
  return ` DEFAULT ${text ? `(${literal(c.default)})` : literal(c.default)}`;
}

export function createTableSql(t: TableSpec, dialect: SqlDialect): string {
  const id =
    dialect === "sqlite"
      ? "id INTEGER PRIMARY KEY AUTOINCREMENT"
      : "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
  const lines = [
    id,
    ...t.columns.map(
      ([name, c]) =>
        `${name} ${sqlType(c, dialect)}${c.notNull ? " NOT NULL" : ""}${defaultClause(c, dialect)}`,
    ),
    ...t.unique.map((key) => `UNIQUE (${key.join(", ")})`),
  ];
  const options = dialect === "mysql" ? " ENGINE=InnoDB" : "";
  return `CREATE TABLE ${t.name} (\n  ${lines.join(",\n  ")}\n)${options}`;
}

/** CREATE INDEX for each of the table's plain indexes, named <table>_<columns>_ix as both dialects accept. */
export function createIndexSql(t: TableSpec): string[] {
  return t.indexes.map(
    (cols) => `CREATE INDEX ${t.name}_${cols.join("_")}_ix ON ${t.name} (${cols.join(", ")})`,
  );
}

export function schemaSql(tables: readonly TableSpec[], dialect: SqlDialect): string[] {
  return tables.flatMap((t) => [createTableSql(t, dialect), ...createIndexSql(t)]);
}
