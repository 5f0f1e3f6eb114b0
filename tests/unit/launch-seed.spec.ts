import { expect, test } from "@playwright/test";
import { buildLaunchSeed } from "../../moodle-stack/twin/launch-seed.ts";

const base = { username: "s1", fullname: "Sam Learner", scoData: {} };
const asMap = (rows: Array<{ element: string; value: string }>) =>
  Object.fromEntries(rows.map((r) => [r.element, r.value]));

test("SCORM 1.2: entry follows mod_scorm, stored values always come back, bookkeeping never does", () => {
  expect(asMap(buildLaunchSeed({ ...base, version: "1.2", stored: [] }))["cmi.core.entry"]).toBe("ab-initio");
  const suspended = asMap(
    buildLaunchSeed({
      ...base,
      version: "1.2",
      stored: [
        { element: "x.start.time", value: "1" },
        { element: "cmi.core.lesson_status", value: "incomplete" },
        { element: "cmi.core.exit", value: "suspend" },
        { element: "cmi.core.session_time", value: "00:00:10" },
        { element: "cmi.interactions_0.id", value: "q1" },
      ],
    }),
  );
  expect(suspended).toMatchObject({
    "cmi.core.entry": "resume",
    "cmi.core.student_id": "s1",
    "cmi.interactions.0.id": "q1",
  });
  expect(Object.keys(suspended)).not.toContain("x.start.time");
  expect(Object.keys(suspended)).not.toContain("cmi.core.session_time");
  expect(Object.keys(suspended)).not.toContain("cmi.core.exit");
  expect(
    asMap(
      buildLaunchSeed({
        ...base,
        version: "1.2",
        stored: [{ element: "cmi.core.lesson_status", value: "passed" }],
      }),
    )["cmi.core.entry"],
  ).toBe("");
});

test("SCORM 2004: stored values come back only after exit=suspend", () => {
  const stored = [
    { element: "cmi.location", value: "p9" },
    { element: "cmi.exit", value: "suspend" },
  ];
  expect(asMap(buildLaunchSeed({ ...base, version: "2004", stored }))).toMatchObject({
    "cmi.entry": "resume",
    "cmi.location": "p9",
  });
  const normal = asMap(
    buildLaunchSeed({
      ...base,
      version: "2004",
      stored: [
        { element: "cmi.location", value: "p9" },
        { element: "cmi.exit", value: "normal" },
      ],
    }),
  );
  expect(normal["cmi.entry"]).toBe("ab-initio");
  expect(normal["cmi.location"]).toBeUndefined();
});

test("SCORM 2004: objectives seed their ids in order and scaled_passing_score as get_scorm_default does", () => {
  const seed = asMap(
    buildLaunchSeed({
      ...base,
      version: "2004",
      stored: [],
      objectives: [
        { objectiveid: "PRIMARY", minnormalizedmeasure: "0.6" },
        { objectiveid: "", minnormalizedmeasure: "" },
        { objectiveid: "secondary", minnormalizedmeasure: "1.0" },
      ],
    }),
  );
  expect(seed).toMatchObject({
    "cmi.objectives.0.id": "PRIMARY",
    "cmi.objectives.1.id": "secondary",
    // The last objective with a measure wins, whatever its satisfiedByMeasure (Moodle's loop).
    "cmi.scaled_passing_score": "1.0",
  });
  expect(Object.keys(seed)).not.toContain("cmi.objectives.2.id");
  const none = asMap(buildLaunchSeed({ ...base, version: "2004", stored: [] }));
  expect(Object.keys(none)).not.toContain("cmi.scaled_passing_score");
});

test("SCORM 2004: time_limit_action comes from scorm_scoes_data timelimitaction", () => {
  const seed = buildLaunchSeed({
    ...base,
    version: "2004",
    stored: [],
    scoData: { timelimitaction: "continue,message" },
  });
  expect(asMap(seed)["cmi.time_limit_action"]).toBe("continue,message");
});
