// Text that crosses Moodle's web-service layer intact. Moodle cleans every PARAM_RAW string of a call and of its
// answer with fix_utf8, which deletes U+0000, U+FFFE and U+FFFF (lib/moodlelib.php, 4.1 to 4.5), so a SCORM value
// holding one would be stored or reloaded altered. A value holding any of them travels escaped instead, flagged
// `enc: "u"`: each of the three as \u0000, \ufffe, \uffff and a backslash as \\ (all ASCII, which fix_utf8 keeps);
// any other value travels as it is, without the flag. The plugin (classes/local/wire_text.php) and the twin decode
// ops and encode seed values the same way.

export interface WireText {
  value: string;
  enc?: "u";
}

// eslint-disable-next-line no-control-regex -- U+0000 is one of the characters fix_utf8 deletes
const CLEANED = /[\u0000\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPED = /[\\\u0000\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = {
  "\\\\": "\\",
  "\\u0000": "\u0000",
  "\\ufffe": "\uFFFE",
  "\\uffff": "\uFFFF",
};

export function toWire(value: string): WireText {
  if (!CLEANED.test(value)) return { value };
  const escaped = value.replace(ESCAPED, (c) =>
    c === "\\" ? "\\\\" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return { value: escaped, enc: "u" };
}

/** The text a wire value stands for; null when `enc` is unknown or the escapes are not the encoder's. */
export function fromWire(value: string, enc: unknown): string | null {
  if (enc === undefined || enc === null) return value;
  if (enc !== "u") return null;
  let out = "";
  for (let i = 0; i < value.length;) {
    const backslash = value.indexOf("\\", i);
    if (backslash < 0) return out + value.slice(i);
    out += value.slice(i, backslash);
    const escape = value.startsWith("\\\\", backslash) ? "\\\\" : value.slice(backslash, backslash + 6);
    const text = ESCAPES[escape];
    if (text === undefined) return null;
    out += text;
    i = backslash + escape.length;
  }
  return out;
}
