// The twin's database layer: one schema description written for both dialects, the one statement they spell
// differently, the MySQL URL, and one clear error for a server that cannot be used. The MySQL cases run in the
// unit-mysql project (a private MariaDB); the rest run in both projects.
import { TwinDb } from "../../moodle-stack/twin/db.ts";
import { parseMysqlUrl } from "../../moodle-stack/twin/mysql/mysql-url.ts";
import { twinTables } from "../../moodle-stack/twin/schema.ts";
import { MOODLE_SCHEMAS, parseMoodleSchema } from "../../moodle-stack/twin/track-storage.ts";
import { assertIdentifiers, upsertSql } from "../../moodle-stack/twin/sql-dialect.ts";
import { createTableSql, schemaSql } from "../../moodle-stack/twin/table-ddl.ts";
import { expect, test } from "../support/twin-database-test.ts";

test("one schema, two dialects: Moodle's types on MySQL, keys only on indexable columns, no reserved column name", () => {
  const launch = twinTables("4.5").find((t) => t.name === "mdl_local_extscormbridge_launch")!;
  expect(launch.columns.map(([c]) => c)).toContain("finished");
  expect(createTableSql(launch, "sqlite")).toContain("id INTEGER PRIMARY KEY AUTOINCREMENT");
  const mysql = createTableSql(launch, "mysql");
  expect(mysql).toContain("id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
  expect(mysql).toContain("launchid VARCHAR(64) NOT NULL");
  expect(mysql).toContain("sessiontime LONGTEXT NOT NULL DEFAULT ('')");
  for (const schema of MOODLE_SCHEMAS) {
    for (const t of twinTables(schema)) {
      const columns = new Map(t.columns);
      for (const key of [...t.unique, ...t.indexes])
        for (const c of key) expect(columns.get(c)?.type, `${t.name}.${c} is in a key`).not.toBe("text");
      expect(columns.has("terminated"), `${t.name}: terminated is reserved in MariaDB`).toBe(false);
    }
    expect(schemaSql(twinTables(schema), "mysql")).toHaveLength(
      schemaSql(twinTables(schema), "sqlite").length,
    );
  }
});

test("upserts are spelled per dialect and refuse identifiers that are not plain names", () => {
  expect(upsertSql("sqlite", "t", ["a", "b", "c"], ["a", "b"])).toBe(
    "INSERT INTO t (a, b, c) VALUES (?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET c = excluded.c",
  );
  expect(upsertSql("mysql", "t", ["a", "b", "c"], ["a"])).toBe(
    "INSERT INTO t (a, b, c) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE b = VALUES(b), c = VALUES(c)",
  );
  expect(() => upsertSql("mysql", "t; DROP TABLE x", ["a", "b"], ["a"])).toThrow(/Bad identifier/);
  expect(() => upsertSql("sqlite", "t", ["a"], ["a"])).toThrow(/something to update/);
  expect(() => assertIdentifiers("ok_name", "Bad")).toThrow(/Bad identifier Bad/);
});

test("the MySQL URL: defaults, a redacted spelling for messages, and a reason for each bad one", () => {
  const a = parseMysqlUrl("mysql://root:s%40cret@127.0.0.1/twins");
  expect(a).toMatchObject({ prefix: "twins", redacted: "mysql://root:***@127.0.0.1/twins" });
  expect(a.connection).toMatchObject({ host: "127.0.0.1", port: 3306, user: "root", password: "s@cret" });
  expect(parseMysqlUrl("mariadb://u@db:3307").prefix).toBe("esbtwin");
  expect(() => parseMysqlUrl("not a url")).toThrow(/not a URL/);
  expect(() => parseMysqlUrl("postgres://u@h/x")).toThrow(/must start with mysql:\/\//);
  expect(() => parseMysqlUrl("mysql://h/x")).toThrow(/names no user/);
  expect(() => parseMysqlUrl("mysql://u:pw@h/x-y")).toThrow(/u:\*\*\*@h\/x-y has a database prefix/);
});

test("a server that cannot be used gives one sentence naming it and why", async () => {
  await expect(TwinDb.open({ mysqlUrl: "mysql://u:pw@127.0.0.1:1/x" })).rejects.toThrow(
    /^The twin cannot use the MySQL server at mysql:\/\/u:\*\*\*@127\.0\.0\.1:1\/x: nothing answers at 127\.0\.0\.1:1 \(is the server running\?\)$/,
  );
});

test("on MySQL: a wrong password is refused clearly; each twin gets its own database, dropped on close", async ({
  twinDatabase,
}) => {
  test.skip(twinDatabase === undefined, "MySQL only");
  const url = new URL(twinDatabase!.mysqlUrl);
  url.password = "wrong";
  await expect(TwinDb.open({ mysqlUrl: url.href })).rejects.toThrow(
    /access denied \(check the user and password\)/,
  );
  const [a, b] = [await TwinDb.open(twinDatabase), await TwinDb.open(twinDatabase)];
  const name = (db: TwinDb) => String(db.get<{ d: string }>("SELECT DATABASE() AS d")!.d);
  expect(name(a)).not.toBe(name(b));
  expect(name(a)).toMatch(/^esbtest_\d+_[0-9a-f]{8}$/);
  a.insert("mdl_course", { fullname: "only in a" });
  expect(b.all("SELECT id FROM mdl_course")).toEqual([]);
  const gone = name(a);
  a.close();
  expect(b.all("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", [gone])).toEqual(
    [],
  );
  b.close();
});

test("on both: a transaction rolls back on error, and SUM and COUNT come back as numbers", async ({
  twinDatabase,
}) => {
  const db = await TwinDb.open(twinDatabase);
  expect(() =>
    db.transaction(() => {
      db.insert("mdl_course", { fullname: "x" });
      throw new Error("stop");
    }),
  ).toThrow("stop");
  db.insert("mdl_grade_grades", { itemid: 1, userid: 2, rawgrade: 12.5 });
  db.insert("mdl_grade_grades", { itemid: 1, userid: 3, rawgrade: 30 });
  expect(db.get("SELECT COUNT(*) AS n, SUM(rawgrade) AS s FROM mdl_grade_grades")).toEqual({ n: 2, s: 42.5 });
  expect(db.all("SELECT id FROM mdl_course")).toEqual([]);
  expect(db.get("SELECT '\\mod_scorm\\event\\x' AS e")).toEqual({ e: "\\mod_scorm\\event\\x" });
  db.close();
});

test("on both: a stored value comes back byte for byte, a leading U+FEFF included", async ({
  twinDatabase,
}) => {
  const db = await TwinDb.open(twinDatabase);
  const values = ["\uFEFF\u0014oSta\u{820d3}\u0001le", "\uFEFF", "a\uFEFFb", "\u0000x"];
  for (const fullname of values) db.insert("mdl_course", { fullname });
  expect(db.all("SELECT fullname FROM mdl_course ORDER BY id").map((r) => r.fullname)).toEqual(values);
  db.close();
});

/** The columns of a table of the open database, and its indexes as "unique? (columns)", on either dialect. */
function tableShape(db: TwinDb, table: string): { columns: string[]; indexes: string[] } {
  const mysql = db.dialect === "mysql";
  const columns = db
    .all<{ c: string }>(
      mysql
        ? `SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`
        : "SELECT name AS c FROM pragma_table_info(?) ORDER BY cid",
      [table],
    )
    .map((r) => r.c);
  const parts = db.all<{ ix: string; uniq: number; c: string }>(
    mysql
      ? `SELECT INDEX_NAME AS ix, 1 - NON_UNIQUE AS uniq, COLUMN_NAME AS c FROM information_schema.STATISTICS
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY'
          ORDER BY INDEX_NAME, SEQ_IN_INDEX`
      : `SELECT l.name AS ix, l."unique" AS uniq, i.name AS c FROM pragma_index_list(?) l, pragma_index_info(l.name) i
          WHERE l.origin <> 'pk' ORDER BY l.name, i.seqno`,
    [table],
  );
  const indexes = new Map<string, { uniq: number; cols: string[] }>();
  for (const p of parts) {
    const ix = indexes.get(p.ix) ?? { uniq: Number(p.uniq), cols: [] };
    ix.cols.push(p.c);
    indexes.set(p.ix, ix);
  }
  return {
    columns,
    indexes: [...indexes.values()].map((ix) => `${ix.uniq ? "unique " : ""}(${ix.cols.join(", ")})`).sort(),
  };
}

test("Moodle 4.1 mode: scorm_scoes_track with Moodle 4.1's columns and indexes, and none of the 4.3+ tables", async ({
  twinDatabase,
}) => {
  const db = await TwinDb.open(twinDatabase, "4.1");
  expect(tableShape(db, "mdl_scorm_scoes_track")).toEqual({
    columns: ["id", "userid", "scormid", "scoid", "attempt", "element", "value", "timemodified"],
    indexes: ["(scoid)", "(scormid)", "(userid)", "unique (userid, scormid, scoid, attempt, element)"],
  });
  for (const table of ["mdl_scorm_attempt", "mdl_scorm_element", "mdl_scorm_scoes_value"])
    expect(tableShape(db, table).columns, `${table} is a 4.3+ table`).toEqual([]);
  const attempt = db.tracks.attempt(2, 3, 1);
  expect(attempt.attemptid, "4.1 keys attempts by number").toBe(1);
  db.tracks.insertTrack(attempt, 4, "cmi.core.lesson_status", "incomplete");
  expect(() =>
    db.insert("mdl_scorm_scoes_track", {
      userid: 2,
      scormid: 3,
      scoid: 4,
      attempt: 1,
      element: "cmi.core.lesson_status",
      value: "completed",
    }),
  ).toThrow();
  db.close();
  const modern = await TwinDb.open(twinDatabase);
  expect(tableShape(modern, "mdl_scorm_scoes_track").columns).toEqual([]);
  expect(tableShape(modern, "mdl_scorm_scoes_value").columns).toContain("attemptid");
  modern.close();
});

test("a Moodle schema setting is one of 4.5 and 4.1, and a bad one is named", () => {
  expect(parseMoodleSchema("4.1", "ESB_TWIN_SCHEMA")).toBe("4.1");
  expect(() => parseMoodleSchema("4.3", "ESB_TWIN_SCHEMA")).toThrow(
    'ESB_TWIN_SCHEMA: "4.3" is not a Moodle schema (one of 4.5, 4.1)',
  );
});
