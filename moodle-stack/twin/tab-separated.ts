// mod_scorm's CSV download: csv_export_writer("tab") (moodle-scorm-contract §6), i.e. fputcsv with a tab delimiter
// and '"' enclosure: a field holding a tab, a quote, a backslash, a line break or a space is enclosed and its
// quotes doubled; rows end with "\n". (PHP leaves a quote right after a backslash undoubled, which makes such
// fields ambiguous; the twin always doubles, as RFC 4180 does.)
const NEEDS_ENCLOSURE = /[\t"\r\n\\ ]/;

export function tabSeparatedField(value: string): string {
  return NEEDS_ENCLOSURE.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function tabSeparated(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => row.map(tabSeparatedField).join("\t") + "\n").join("");
}
