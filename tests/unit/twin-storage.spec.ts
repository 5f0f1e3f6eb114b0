import { expect, test } from "../support/twin-database-test.ts";
import fc from "fast-check";
import { storedElementName } from "../../harness/properties/stored-element-name.ts";
import { TwinDb } from "../../moodle-stack/twin/db.ts";
import { fromStoredElement, toStoredElement } from "../../moodle-stack/twin/element-names.ts";

// Data-model names: words, each optionally followed by an index (cmi.objectives.3.score.raw).
const elementName = fc
  .array(fc.tuple(fc.stringMatching(/^[a-z][a-z_]{0,9}$/), fc.option(fc.nat({ max: 300 }))), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) =>
    [
      "cmi",
      ...parts.flatMap(([word, index]) => (index === null ? [word] : [word, String(index)])),
      "id",
    ].join("."),
  );

test("the twin and the oracle spell stored element names alike, and the spelling round-trips", () => {
  expect(toStoredElement("cmi.interactions.0.correct_responses.12.pattern", "1.2")).toBe(
    "cmi.interactions_0.correct_responses_12.pattern",
  );
  expect(toStoredElement("cmi.interactions.0.id", "2004")).toBe("cmi.interactions.0.id");
  fc.assert(
    fc.property(elementName, fc.constantFrom("1.2" as const, "2004" as const), (name, version) => {
      expect(toStoredElement(name, version)).toBe(storedElementName(version, name));
      expect(fromStoredElement(toStoredElement(name, version), version)).toBe(name);
    }),
  );
});

test("insertTrack updates a value only when it changes, and never x.start.time", async ({ twinStorage }) => {
  const db = await TwinDb.open(twinStorage.database, twinStorage.moodleSchema);
  const { tracks } = db;
  expect(tracks.schema).toBe(twinStorage.moodleSchema);
  const attempt = tracks.attempt(7, 3, 1);
  expect(tracks.attempt(7, 3, 1)).toEqual(attempt);
  tracks.insertTrack(attempt, 11, "x.start.time", "100");
  tracks.insertTrack(attempt, 11, "x.start.time", "200");
  tracks.insertTrack(attempt, 11, "cmi.location", "a");
  db.run(`UPDATE mdl_${tracks.valueTable} SET timemodified = 1`);
  tracks.insertTrack(attempt, 11, "cmi.location", "a");
  const location = () =>
    db.get(`SELECT t.timemodified FROM ${tracks.values} t WHERE t.element = 'cmi.location'`);
  expect(location()).toEqual({ timemodified: 1 });
  tracks.insertTrack(attempt, 11, "cmi.location", "b");
  expect(Number(location()?.timemodified)).toBeGreaterThan(1);
  expect(tracks.scoValues(attempt, 11)).toEqual([
    { element: "x.start.time", value: "100" },
    { element: "cmi.location", value: "b" },
  ]);
  expect(db.all(`SELECT COUNT(*) AS n FROM ${tracks.values} t`)).toEqual([{ n: 2 }]);
  expect(tracks.lastAttempt(7, 3)).toBe(1);
  expect(tracks.lastAttempt(8, 3)).toBe(1);
  db.close();
});

test("attempts are per learner and activity: same numbers never share values, and deleting one leaves the rest", async ({
  twinStorage,
}) => {
  const db = await TwinDb.open(twinStorage.database, twinStorage.moodleSchema);
  const { tracks } = db;
  const mine = [tracks.attempt(7, 3, 1), tracks.attempt(7, 3, 2)];
  const theirs = tracks.attempt(8, 3, 1);
  const elsewhere = tracks.attempt(7, 4, 1);
  tracks.insertTrack(mine[0]!, 11, "cmi.location", "mine 1");
  tracks.insertTrack(mine[1]!, 11, "cmi.location", "mine 2");
  tracks.insertTrack(theirs, 11, "cmi.location", "theirs");
  tracks.insertTrack(elsewhere, 12, "cmi.location", "elsewhere");
  expect(tracks.scoValues(theirs, 11)).toEqual([{ element: "cmi.location", value: "theirs" }]);
  expect(tracks.scoValues(mine[1]!, 11)).toEqual([{ element: "cmi.location", value: "mine 2" }]);
  expect(tracks.lastAttempt(7, 3)).toBe(2);
  expect(db.all(`SELECT a.userid, a.scormid, a.attempt FROM ${tracks.attempts} a ORDER BY 1, 2, 3`)).toEqual([
    { userid: 7, scormid: 3, attempt: 1 },
    { userid: 7, scormid: 3, attempt: 2 },
    { userid: 7, scormid: 4, attempt: 1 },
    { userid: 8, scormid: 3, attempt: 1 },
  ]);
  expect(
    db.all(
      `SELECT t.userid, t.scormid, t.scoid, t.attempt, t.attemptid, t.value FROM ${tracks.values} t ORDER BY t.id`,
    ),
  ).toEqual([
    { userid: 7, scormid: 3, scoid: 11, attempt: 1, attemptid: mine[0]!.attemptid, value: "mine 1" },
    { userid: 7, scormid: 3, scoid: 11, attempt: 2, attemptid: mine[1]!.attemptid, value: "mine 2" },
    { userid: 8, scormid: 3, scoid: 11, attempt: 1, attemptid: theirs.attemptid, value: "theirs" },
    { userid: 7, scormid: 4, scoid: 12, attempt: 1, attemptid: elsewhere.attemptid, value: "elsewhere" },
  ]);
  tracks.deleteAttempt(mine[0]!);
  expect(tracks.attemptExists(mine[1]!)).toBe(true);
  expect(db.all(`SELECT t.value FROM ${tracks.values} t ORDER BY t.id`)).toEqual([
    { value: "mine 2" },
    { value: "theirs" },
    { value: "elsewhere" },
  ]);
  db.close();
});
