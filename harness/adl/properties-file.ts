// Reads a Java .properties file as ADL's test suite writes them: `key=value` lines, `#` comments, and a
// trailing backslash continuing a value on the next line (whose leading whitespace is dropped).
export function parseProperties(text: string): Array<[key: string, value: string]> {
  const joined = text.replace(/\r\n?/g, "\n").replace(/\\\n[ \t]*/g, "");
  const entries: Array<[string, string]> = [];
  for (const raw of joined.split("\n")) {
    const line = raw.trimStart();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    entries.push([line.slice(0, eq).trim(), line.slice(eq + 1)]);
  }
  return entries;
}
