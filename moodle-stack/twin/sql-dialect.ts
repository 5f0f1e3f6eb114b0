// The two SQL dialects the twin's database speaks, and the one statement the twin needs that they spell
// differently: insert-or-update on a unique key (the rest of the twin's SQL is written to run on both).
export type SqlDialect = "sqlite" | "mysql";

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** Throws unless every name is a plain lower-case SQL identifier (nothing untrusted reaches SQL text). */
export function assertIdentifiers(...names: string[]): void {
  for (const n of names) if (!IDENTIFIER.test(n)) throw new Error(`Bad identifier ${n}`);
}

/**
 * INSERT of `columns` (positional parameters, in order) that, when a row with the same `key` exists, sets that
 * row's other columns to the new values instead.
 */
export function upsertSql(dialect: SqlDialect, table: string, columns: string[], key: string[]): string {
  assertIdentifiers(table, ...columns, ...key);
  const updated = columns.filter((c) => !key.includes(c));
  if (updated.length === 0 || key.some((k) => !columns.includes(k)))
    throw new Error(`An upsert into ${table} needs its key among the columns and something to update`);
  const insert = `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
  if (dialect === "sqlite")
    return `${insert} ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(", ")}`;
  return `${insert} ON DUPLICATE KEY UPDATE ${updated.map((c) => `${c} = VALUES(${c})`).join(", ")}`;
}
