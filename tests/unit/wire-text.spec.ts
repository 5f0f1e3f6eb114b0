// Values that cross Moodle's web-service layer (bridge/protocol/wire-text.ts, the plugin's wire_text.php): Moodle's
// fix_utf8 deletes U+0000, U+FFFE and U+FFFF from every string of a call and its answer, so such values travel
// escaped. Checked: any text round-trips; what travels holds none of the three; values without them travel as
// they are; decoding refuses what the encoder never writes; PHP and TypeScript encode and decode alike.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { fromWire, toWire } from "../../bridge/protocol/wire-text.ts";
import { PLUGIN_DIR, phpCli } from "../../moodle-stack/plugin-tools/describe-plugin.ts";

const PHP = phpCli();
const PHP_FILE = path.join(PLUGIN_DIR, "classes/local/wire_text.php");
/** Text rich in what matters: the three deleted characters, backslashes, escape look-alikes, any other text. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom("\u0000", "\uFFFE", "\uFFFF", "\\", "\\u", "u0000", "\\uffff", "uffff", "é€中"),
      fc.string({ unit: "binary", maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));
// eslint-disable-next-line no-control-regex -- U+0000 is one of the characters fix_utf8 deletes
const CLEANED = /[\u0000\uFFFE\uFFFF]/;

test("any text round-trips; what travels holds no character fix_utf8 deletes; other text travels unchanged", () => {
  fc.assert(
    fc.property(text, (value) => {
      const wire = toWire(value);
      return (
        fromWire(wire.value, wire.enc) === value &&
        !CLEANED.test(wire.value) &&
        (CLEANED.test(value) ? wire.enc === "u" : wire.enc === undefined && wire.value === value)
      );
    }),
    { numRuns: 2000, seed: 20261122 },
  );
  expect(toWire("a\uFFFFb\\c")).toEqual({ value: "a\\uffffb\\\\c", enc: "u" });
});

test("decoding refuses an unknown encoding and escapes the encoder never writes", () => {
  for (const bad of ["\\", "a\\b", "\\u00e9", "\\uFFFF", "\\u000", "x\\"])
    expect(fromWire(bad, "u"), bad).toBeNull();
  expect(fromWire("a", "b64")).toBeNull();
  expect(fromWire("\\x", undefined), "no flag: the value as it is").toBe("\\x");
});

test("the plugin's wire_text encodes and decodes as the bridge does", () => {
  test.skip(PHP === null, "php is not installed");
  const values = fc.sample(text, { numRuns: 300, seed: 7 });
  const wires = values.map(toWire);
  const bad = ["\\", "a\\b", "\\u00e9", "\\uFFFF", "x\\"];
  const script = `namespace local_externalscormbridge\\local;
    require ${JSON.stringify(PHP_FILE)};
    $in = json_decode(stream_get_contents(STDIN), true);
    $out = ['encoded' => [], 'decoded' => [], 'bad' => []];
    foreach ($in['values'] as $v) { $out['encoded'][] = wire_text::encode($v); }
    foreach ($in['wires'] as $w) { $out['decoded'][] = wire_text::decode($w['value'], $w['enc'] ?? null); }
    foreach ($in['bad'] as $b) { $out['bad'][] = wire_text::decode($b, 'u'); }
    echo json_encode($out);`;
  const run = spawnSync(PHP as string, ["-r", script], {
    input: JSON.stringify({ values, wires, bad }),
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  const out = JSON.parse(run.stdout) as { encoded: unknown[]; decoded: unknown[]; bad: unknown[] };
  expect(out.encoded).toEqual(wires);
  expect(out.decoded).toEqual(values);
  expect(out.bad).toEqual(bad.map(() => null));
});
