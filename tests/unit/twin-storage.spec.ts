import { expect, test } from "../support/twin-database-test.ts";
import fc from "fast-check";
import { storedElementName } from "../../harness/properties/stored-element-name.ts";
import { TwinDb } from "../../moodle-stack/twin/db.ts";
import { fromStoredElement, toStoredElement } from "../../moodle-stack/twin/element-names.ts";
import { Tracks } from "../../moodle-stack/twin/tracks.ts";

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

test("insertTrack updates a value only when it changes, and never x.start.time", async ({ twinDatabase }) => {
  const db = await TwinDb.open(twinDatabase);
  const tracks = new Tracks(db);
  const attempt = tracks.attemptId(7, 3, 1);
  expect(tracks.attemptId(7, 3, 1)).toBe(attempt);
  tracks.insertTrack(attempt, 11, "x.start.time", "100");
  tracks.insertTrack(attempt, 11, "x.start.time", "200");
  tracks.insertTrack(attempt, 11, "cmi.location", "a");
  db.run("UPDATE mdl_scorm_scoes_value SET timemodified = 1");
  tracks.insertTrack(attempt, 11, "cmi.location", "a");
  expect(
    db.get(
      "SELECT timemodified FROM mdl_scorm_scoes_value v JOIN mdl_scorm_element e ON e.id = v.elementid WHERE e.element = 'cmi.location'",
    ),
  ).toEqual({ timemodified: 1 });
  tracks.insertTrack(attempt, 11, "cmi.location", "b");
  expect(tracks.values(attempt, 11)).toEqual([
    { element: "x.start.time", value: "100" },
    { element: "cmi.location", value: "b" },
  ]);
  expect(db.all("SELECT COUNT(*) AS n FROM mdl_scorm_element")).toEqual([{ n: 2 }]);
  expect(tracks.lastAttempt(7, 3)).toBe(1);
  expect(tracks.lastAttempt(8, 3)).toBe(1);
  db.close();
});
