// Mutant (P25): writes every field as it is, so a value holding a tab, a quote or a line break spills into other
// columns and rows of the download.
export function tabSeparatedField(value: string): string {
  return value;
}

export function tabSeparated(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => row.map(tabSeparatedField).join("\t") + "\n").join("");
}
