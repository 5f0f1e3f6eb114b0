// The plugin's tables (db/install.xml) install on every Moodle the plugin supports: Moodle 4.1 and 4.2 limit
// table names to 28 characters and column names to 30 (xmldb_table / xmldb_field NAME_MAX_LENGTH; 4.3 raised
// both); a longer name stops admin/cli/install.php with "name is too long" (seen on Moodle 4.1.10). The twin keeps
// the same tables under the same names, so what the suite reads on the twin it reads on a real Moodle.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { COMMON_TABLES } from "../../moodle-stack/twin/schema.ts";

const INSTALL_XML = path.join("moodle-stack", "plugin", "local", "externalscormbridge", "db", "install.xml");

interface XmldbTable {
  "@_NAME": string;
  FIELDS: { FIELD: Array<{ "@_NAME": string }> };
  KEYS?: { KEY: Array<{ "@_REFTABLE"?: string }> };
}

function pluginTables(): XmldbTable[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ["TABLE", "FIELD", "KEY", "INDEX"].includes(name),
  });
  const xml = parser.parse(readFileSync(INSTALL_XML, "utf8")) as {
    XMLDB: { TABLES: { TABLE: XmldbTable[] } };
  };
  return xml.XMLDB.TABLES.TABLE;
}

test("every table name fits Moodle 4.1's 28 characters and every column name its 30", () => {
  const tables = pluginTables();
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    expect(table["@_NAME"].length, table["@_NAME"]).toBeLessThanOrEqual(28);
    for (const field of table.FIELDS.FIELD)
      expect(field["@_NAME"].length, field["@_NAME"]).toBeLessThanOrEqual(30);
  }
});

test("foreign keys name the plugin's own tables, and the twin keeps the same tables", () => {
  const names = pluginTables().map((t) => t["@_NAME"]);
  for (const table of pluginTables())
    for (const key of table.KEYS?.KEY ?? [])
      if (key["@_REFTABLE"]?.startsWith("local_")) expect(names).toContain(key["@_REFTABLE"]);
  const twin = COMMON_TABLES.map((t) => t.name).filter((n) => n.startsWith("mdl_local_"));
  expect(twin.sort()).toEqual(names.map((n) => `mdl_${n}`).sort());
});
