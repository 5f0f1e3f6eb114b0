import { expect, test } from "@playwright/test";
import { finishValues, formatStoredTimespan } from "../../moodle-stack/twin/finish-semantics.ts";

const base = { seedTotalTime: "", sessionTime: "", masteryOverride: true, scoData: {} };
const stored = (entries: Record<string, string>) => new Map(Object.entries(entries));

test("SCORM 1.2 finish: not attempted becomes completed, mastery override decides, times add up", () => {
  expect(finishValues({ ...base, version: "1.2", stored: stored({}) })).toEqual([
    ["cmi.core.lesson_status", "completed"],
    ["cmi.core.total_time", "00:00:00.00"],
  ]);
  const mastery = { ...base, version: "1.2" as const, scoData: { masteryscore: "80" } };
  expect(
    finishValues({
      ...mastery,
      stored: stored({ "cmi.core.lesson_status": "completed", "cmi.core.score.raw": "60" }),
    })[0],
  ).toEqual(["cmi.core.lesson_status", "failed"]);
  expect(
    finishValues({
      ...mastery,
      stored: stored({ "cmi.core.lesson_status": "completed", "cmi.core.score.raw": "80" }),
    })[0],
  ).toEqual(["cmi.core.lesson_status", "passed"]);
  expect(
    finishValues({
      ...mastery,
      masteryOverride: false,
      stored: stored({ "cmi.core.lesson_status": "completed", "cmi.core.score.raw": "60" }),
    }),
  ).toEqual([["cmi.core.total_time", "00:00:00.00"]]);
  // Native mod_scorm reads ".5" as 5 centiseconds (00:00:30.05); the sum is 30.5 seconds.
  expect(
    finishValues({
      ...base,
      version: "1.2",
      stored: stored({ "cmi.core.lesson_status": "incomplete" }),
      seedTotalTime: "00:00:10.00",
      sessionTime: "00:00:20.5",
    }),
  ).toEqual([["cmi.core.total_time", "00:00:30.50"]]);
  expect(formatStoredTimespan(720_080)).toBe("02:00:00.80");
});

test("SCORM 2004 finish: total time in ISO 8601 and completion from progress against the threshold", () => {
  expect(
    finishValues({
      ...base,
      version: "2004",
      stored: stored({}),
      sessionTime: "PT10S",
      seedTotalTime: "PT1M",
    }),
  ).toEqual([["cmi.total_time", "PT1M10S"]]);
  const threshold = { ...base, version: "2004" as const, scoData: { completionthreshold: "0.8" } };
  expect(finishValues({ ...threshold, stored: stored({ "cmi.progress_measure": "0.9" }) })).toEqual([
    ["cmi.total_time", "PT0S"],
    ["cmi.completion_status", "completed"],
  ]);
  expect(
    finishValues({
      ...threshold,
      stored: stored({ "cmi.progress_measure": "0.5", "cmi.completion_status": "completed" }),
    }),
  ).toEqual([
    ["cmi.total_time", "PT0S"],
    ["cmi.completion_status", "incomplete"],
  ]);
  expect(
    finishValues({ ...base, version: "2004", stored: stored({}), sessionTime: "not a duration" }),
  ).toEqual([["cmi.total_time", "PT0S"]]);
});
