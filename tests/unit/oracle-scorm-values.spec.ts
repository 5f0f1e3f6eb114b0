// The suite's value comparison and mapping rules (harness/oracles), pinned on examples from the SCORM data model
// chapters: they are the oracle of P12 and must not drift with any bridge.
import { expect, test } from "@playwright/test";
import {
  counterpart,
  mayLose,
  status12To2004,
  status2004To12,
} from "../../harness/oracles/scorm-mapping-rules.ts";
import {
  intervalSeconds,
  sameDuration,
  sameReal,
  sameScormValue,
  timespanSeconds,
} from "../../harness/oracles/scorm-value-compare.ts";

test("CMITimespan and timeinterval are read as total seconds, malformed ones refused", () => {
  expect(timespanSeconds("0001:02:03.45")).toBeCloseTo(3723.45, 6);
  expect(timespanSeconds("00:00:07.5")).toBeCloseTo(7.5, 6);
  expect(timespanSeconds("1:02:03")).toBeNull();
  expect(timespanSeconds("00:60:00")).toBeNull();
  expect(intervalSeconds("P2DT3H4M5.06S")).toBeCloseTo(2 * 86400 + 3 * 3600 + 4 * 60 + 5.06, 6);
  expect(intervalSeconds("PT0S")).toBe(0);
  expect(intervalSeconds("P1Y")).toBe(365 * 86400);
  for (const bad of ["P", "PT", "P1H", "T1S", "PT1.234S", ""]) expect(intervalSeconds(bad), bad).toBeNull();
  expect(sameDuration("0001:02:03.45", "PT1H2M3.45S")).toBe(true);
  expect(sameDuration("0001:02:03.45", "PT1H2M3S")).toBe(false);
});

test("reals compare numerically, text exactly", () => {
  expect(sameReal("85.50", "85.5")).toBe(true);
  expect(sameReal("", "0")).toBe(false);
  expect(sameScormValue("a b", "a b")).toBe(true);
  expect(sameScormValue("a", "a ")).toBe(false);
});

test("status correspondence: 1.2 passed/failed imply completed, browsed and unknown have no counterpart", () => {
  expect(status12To2004("passed")).toEqual(["completed", "passed"]);
  expect(status12To2004("incomplete")).toEqual(["incomplete", "unknown"]);
  expect(status12To2004("browsed")).toBeNull();
  expect(status2004To12("completed", "failed")).toBe("failed");
  expect(status2004To12(undefined, "passed")).toBe("passed");
  expect(status2004To12("incomplete", "passed")).toBeNull();
  expect(status2004To12("unknown", "unknown")).toBeNull();
  expect(status2004To12("not attempted", undefined)).toBe("not attempted");
});

test("counterparts keep collection indices and losses are allowed only where the data models force them", () => {
  expect(counterpart("1.2", "cmi.interactions.3.result")?.element).toBe("cmi.interactions.3.result");
  expect(counterpart("1.2", "cmi.interactions.3.result")?.related("wrong", "incorrect")).toBe(true);
  expect(counterpart("2004", "cmi.location")?.element).toBe("cmi.core.lesson_location");
  expect(counterpart("1.2", "cmi.core.student_id")).toBeNull();
  const rec = new Map([
    ["cmi.core.score.min", "0"],
    ["cmi.core.score.max", "80"],
  ]);
  expect(mayLose("1.2", "cmi.core.score.raw", "80.01", rec)).toBe(true);
  expect(mayLose("1.2", "cmi.core.score.raw", "80", rec)).toBe(false);
  expect(mayLose("2004", "cmi.exit", "normal", new Map())).toBe(true);
  expect(mayLose("2004", "cmi.exit", "suspend", new Map())).toBe(false);
  expect(mayLose("2004", "cmi.score.raw", "101", new Map())).toBe(true);
});
