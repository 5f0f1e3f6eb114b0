// Reads a download written as csv_export_writer("tab") writes it (moodle-scorm-contract §6): tab-separated
// fields, a field enclosed in '"' may hold tabs, quotes (doubled) and line breaks; every row ends with "\n".
export function parseTabSeparated(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let fieldStart = true;
  while (i < text.length) {
    const c = text[i]!;
    if (fieldStart && c === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("Unterminated quoted field in the download");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      fieldStart = false;
      continue;
    }
    if (c === "\t") {
      row.push(field);
      field = "";
      fieldStart = true;
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStart = true;
    } else {
      field += c;
      fieldStart = false;
    }
    i++;
  }
  if (!fieldStart || field !== "" || row.length > 0)
    throw new Error("The download's last row has no line end");
  return rows;
}
