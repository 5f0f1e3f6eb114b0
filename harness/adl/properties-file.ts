// Reads a Java .properties file as ADL's test suite (java.util.Properties) reads them: `key=value` lines, `#`
// comments, a trailing backslash continuing a value on the next line (whose leading whitespace is dropped), and
// escapes decoded: `\uXXXX` is that UTF-16 unit, `\t` `\n` `\r` `\f` are controls, any other `\c` is `c`.
const CONTROL: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f" };

export function decodeEscapes(value: string): string {
  return value.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (_, escape: string) =>
    escape.length === 5 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : (CONTROL[escape] ?? escape),
  );
}

export function parseProperties(text: string): Array<[key: string, value: string]> {
  const joined = text.replace(/\r\n?/g, "\n").replace(/(?<!\\)((?:\\\\)*)\\\n[ \t]*/g, "$1");
  const entries: Array<[string, string]> = [];
  for (const raw of joined.split("\n")) {
    const line = raw.trimStart();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    entries.push([line.slice(0, eq).trim(), decodeEscapes(line.slice(eq + 1))]);
  }
  return entries;
}
