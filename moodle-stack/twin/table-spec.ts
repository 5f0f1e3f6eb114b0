// A table of the twin's schema described once, in Moodle XMLDB's terms (int, number, char, text), so both
// SQL dialects are written from the same description (table-ddl.ts).
export type ColumnType = "int" | "float" | "char" | "text";

export interface ColumnSpec {
  type: ColumnType;
  /** VARCHAR length (char only). */
  length?: number;
  notNull: boolean;
  /** The column's default; absent: none. */
  default?: number | string;
}

export interface TableSpec {
  name: string;
  /** The columns after Moodle's `id`, in order. */
  columns: ReadonlyArray<readonly [string, ColumnSpec]>;
  /** Unique keys, each a list of column names. */
  unique: ReadonlyArray<readonly string[]>;
  /** Plain indexes (Moodle's foreign keys are indexed), each a list of column names. */
  indexes: ReadonlyArray<readonly string[]>;
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

export function table(
  name: string,
  columns: Record<string, ColumnSpec>,
  unique: ReadonlyArray<readonly string[]> = [],
  indexes: ReadonlyArray<readonly string[]> = [],
): TableSpec {
  const entries = Object.entries(columns);
  for (const id of [name, ...entries.map(([c]) => c)])
    if (!IDENTIFIER.test(id)) throw new Error(`Bad identifier ${id} in table ${name}`);
  for (const key of [...unique, ...indexes])
    for (const c of key) if (!(c in columns)) throw new Error(`A key of ${name} names no column ${c}`);
  return { name, columns: entries, unique, indexes };
}

const column =
  (type: Exclude<ColumnType, "char">, notNull: boolean) =>
  (def?: number | string): ColumnSpec =>
    def === undefined ? { type, notNull } : { type, notNull, default: def };

export const int = column("int", true);
export const intOrNull = column("int", false);
export const float = column("float", true);
export const floatOrNull = column("float", false);
export const text = column("text", true);
export const textOrNull = column("text", false);

export function char(length: number, def?: string): ColumnSpec {
  return def === undefined
    ? { type: "char", length, notNull: true }
    : { type: "char", length, notNull: true, default: def };
}
