// What TwinDb needs from a database engine: synchronous statements with bound parameters.
import type { SqlDialect } from "./sql-dialect.ts";

export type SqlValue = number | string | null | Uint8Array;
export type Row = Record<string, SqlValue>;
/** Positional (`?`) values, or named ones keyed as they appear in the SQL (`{":col": v}`). */
export type Params = Record<string, SqlValue> | SqlValue[];

export interface SqlBackend {
  readonly dialect: SqlDialect;
  all(sql: string, params: Params): Row[];
  /** Runs a statement; with `insert`, returns the id of the row it inserted. */
  run(sql: string, params: Params, insert: boolean): number;
  /** Runs one statement without parameters (schema, transaction control). */
  exec(sql: string): void;
  close(): void;
}

/** Parameters as the engines take them: `:name` keys lose their prefix, undefined is NULL, booleans 1/0. */
export function plainParams(params: Params): Array<SqlValue> | Record<string, SqlValue> {
  if (Array.isArray(params)) return params.map(plainValue);
  const named: Record<string, SqlValue> = {};
  for (const [k, v] of Object.entries(params)) named[k.replace(/^[:@$]/, "")] = plainValue(v);
  return named;
}

function plainValue(v: SqlValue | boolean | undefined): SqlValue {
  if (v === undefined) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}
