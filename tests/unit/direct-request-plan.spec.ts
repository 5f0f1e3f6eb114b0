// How a dm_* scenario's hand-made datamodel.php request becomes a plugin API request, and which are bad
// (harness/golden/direct-request-plan.ts), on the requests recorded on Moodle 4.5.6 (golden README, behaviours 2-3).
import { expect, test } from "@playwright/test";
import {
  invalid12,
  planRequest,
  type RecordedDirectRequest,
} from "../../harness/golden/direct-request-plan.ts";

const base: Array<[string, string | number]> = [
  ["id", "<cm>"],
  ["a", "<scorm>"],
  ["sesskey", "<sesskey>"],
  ["attempt", "1"],
  ["scoid", "<sco:ITEM-1>"],
];
const request = (
  label: string,
  fields: Array<[string, string | number]>,
  answer: { status?: number; body?: unknown; method?: string } = {},
): RecordedDirectRequest => ({
  label,
  method: answer.method ?? "POST",
  fields,
  status: answer.status ?? 200,
  body: answer.body ?? "true\n0",
});
const without = (name: string) => base.filter(([k]) => k !== name);
const replacing = (name: string, value: string | number) =>
  base.map(([k, v]): [string, string | number] => [k, k === name ? value : v]);

test("the control request is a commit of its elements on the learner's launch, good, stored by Moodle", () => {
  const plan = planRequest(request("ok", [...base, ["cmi__core__lesson_location", "p1"]]), "1.2");
  expect(plan).toMatchObject({ sesskey: "valid", http: "POST", launch: null, commitExtra: {}, bad: null });
  expect(plan.ops).toEqual([{ element: "cmi.core.lesson_location", value: "p1" }]);
  expect(plan.moodleStored).toBe(true);
});

test("sesskey: missing, or wrong where datamodel.php answered an empty 200; a GET is bad too", () => {
  const loc: [string, string] = ["cmi__core__lesson_location", "x"];
  expect(planRequest(request("no", [...without("sesskey"), loc], { status: 404 }), "1.2").sesskey).toBe(
    "missing",
  );
  const wrong = planRequest(request("wrong", [...base, loc], { body: "" }), "1.2");
  expect(wrong.sesskey).toBe("wrong");
  expect(wrong.bad).toContain("wrong sesskey");
  const get = planRequest(request("get", [...base, loc], { method: "GET" }), "1.2");
  expect(get).toMatchObject({ http: "GET", moodleStored: false });
  expect(get.bad).toContain("a GET");
});

test("another SCO, a SCO of nothing, scoid 0, another activity's a, an empty id: a launch naming it, bad", () => {
  const loc: [string, string] = ["cmi__core__lesson_location", "x"];
  expect(planRequest(request("f", [...replacing("scoid", "<sco:extra:ITEM-1>"), loc]), "1.2").launch).toEqual(
    {
      cmid: "own",
      sco: "foreign",
      extra: {},
    },
  );
  expect(
    planRequest(request("n", [...replacing("scoid", "<sco?99999999>"), loc]), "1.2").launch?.sco,
  ).toEqual({
    id: 99999999,
  });
  const zero = planRequest(request("0", [...replacing("scoid", 0), loc], { body: "" }), "1.2");
  expect(zero).toMatchObject({ sesskey: "valid", launch: { sco: { id: 0 } } });
  expect(planRequest(request("none", [...without("scoid"), loc], { status: 404 }), "1.2").launch?.sco).toBe(
    "none",
  );
  const a = planRequest(request("a", [...replacing("a", "<scorm:extra>"), loc]), "1.2");
  expect(a.launch).toEqual({ cmid: "own", sco: "own", extra: { a: "<scorm:extra>" } });
  expect(a.bad).not.toBeNull();
  expect(planRequest(request("id", [...replacing("id", ""), loc]), "1.2").launch?.cmid).toBe("empty");
});

test("an attempt of the client's choice is an extra commit parameter and bad; none is the plugin's own request", () => {
  const loc: [string, string] = ["cmi__core__lesson_location", "x"];
  const five = planRequest(request("5", [...replacing("attempt", "5"), loc]), "1.2");
  expect(five).toMatchObject({ launch: null, commitExtra: { attempt: "5" } });
  expect(five.bad).toContain("attempt 5");
  const missing = planRequest(request("m", [...without("attempt"), loc], { status: 404, body: "" }), "1.2");
  expect(missing).toMatchObject({ commitExtra: {}, bad: null, moodleStored: false });
});

test("names outside the SCORM 1.2 model and values outside their type are bad; valid ones are not", () => {
  expect(invalid12("cmi.core.lesson_status", "passed")).toBeNull();
  expect(invalid12("cmi.core.score.raw", "99.5")).toBeNull();
  expect(invalid12("cmi.core.session_time", "0001:02:03.5")).toBeNull();
  expect(invalid12("cmi.interactions.0.id", "q1")).toBeNull();
  expect(invalid12("cmi.core.lesson_status", "bogus-status")).toContain("vocabulary");
  expect(invalid12("cmi.core.lesson_status", "")).toContain("vocabulary");
  expect(invalid12("cmi.core.score.raw", "abc")).toContain("CMIDecimal");
  expect(invalid12("cmi.core.score.raw", "150")).toContain("CMIDecimal");
  expect(invalid12("cmi.core.score.min", "-10")).toContain("CMIDecimal");
  expect(invalid12("cmi.core.session_time", "not-a-time")).toContain("CMITimespan");
  for (const name of ["foo.bar", "cmix", "cmi", "cmi.interactions.N0.id", "cmi._triple", "adl.nav.request"])
    expect(invalid12(name, "1"), name).toContain("not a SCORM 1.2 element");
  const triple = planRequest(request("t", [...base, ["cmi___triple", "v"]]), "1.2");
  expect(triple.ops).toEqual([{ element: "cmi._triple", value: "v" }]);
  expect(triple.bad).toContain("cmi._triple");
});
