import { expect, test } from "@playwright/test";
import { AdlAbbreviations, parseStep } from "../../harness/adl/adl-script.ts";
import { visitCalls } from "../../harness/adl/adl-replay.ts";
import { decodeEscapes, parseProperties } from "../../harness/adl/properties-file.ts";
import { seedLoadOrder } from "../../bridge/frame/scorm-runtime.ts";
import { judgeStep } from "../../harness/oracles/adl-judge.ts";

const abbreviations = new AdlAbbreviations(
  new Map([
    ["a", "adl"],
    ["n", "nav"],
    ["r", "request"],
    ["tar", "{target=%s}"],
    ["TY.c", "choice"],
    ["N.sa", "suspendAll"],
    ["t", "true"],
  ]),
);

test("properties files decode Java escapes and join continued lines", () => {
  expect(decodeEscapes("\\u0042ien\\u00E9 M:\\ADL\\tx")).toBe("Bien\u00e9 M:ADL\tx");
  expect(parseProperties("# c\nk.1=a\\\n    b\nk.2=c\\\\\nk.3=\\u3078")).toEqual([
    ["k.1", "ab"],
    ["k.2", "c\\"],
    ["k.3", "\u3078"],
  ]);
});

test("a template abbreviation takes the next token: tar~activity_1~TY.c is a choice request", () => {
  const step = parseStep("DMB", "Act1V1.commands.8", "SET->a~n~r!tar~activity_1~TY.c->t->0", abbreviations);
  expect(step).toMatchObject({ argument: "adl.nav.request", value: "{target=activity_1}choice" });
  expect(abbreviations.value("N.sa")).toBe("suspendAll");
  expect(abbreviations.value("a~b")).toBe("a~b");
});

test("a visit ends with no navigation unless its script asked for a request that stays on the page", () => {
  const visit = (value: string) => ({
    testCase: "DMB" as const,
    activity: "Act1",
    visit: 1,
    steps: [parseStep("DMB", "Act1V1.commands.0", `SET->a~n~r!${value}->t->0`, abbreviations)!],
  });
  expect(visitCalls(visit("tar~activity_1~TY.c")).slice(1)).toEqual([
    ["SetValue", "adl.nav.request", "_none_"],
    ["Terminate", ""],
  ]);
  expect(visitCalls(visit("N.sa")).slice(1)).toEqual([["Terminate", ""]]);
});

test("the seed loads comment records in index order (scorm-again sorts them as text)", () => {
  const values: Array<[string, string]> = [
    ["cmi.comments_from_learner.10.comment", "c10"],
    ["cmi.location", "here"],
    ["cmi.comments_from_learner.2.comment", "c2"],
    ["cmi.comments_from_learner.2.location", "l2"],
  ];
  expect(seedLoadOrder(values)).toEqual([
    [["cmi.location", "here"]],
    [
      ["cmi.comments_from_learner.2.comment", "c2"],
      ["cmi.comments_from_learner.2.location", "l2"],
    ],
    [["cmi.comments_from_learner.10.comment", "c10"]],
  ]);
});

test("the judge accepts anything where ADL's script says a valid value or an error code will do", () => {
  const step = parseStep(
    "DMI",
    "Act2V1.commands.3460",
    "GET->c~CFLMS~0~COM->Returned a valid value or error code->0",
    abbreviations,
  )!;
  expect(judgeStep(step, { ret: "", err: "0" }, new Set()).kind).toBe("pass");
  expect(judgeStep(step, { ret: "", err: "301" }, new Set()).kind).toBe("pass");
  const exact = parseStep("DMI", "Act2V1.commands.3458", "GET->c~CFLMS~CNT->0->0", abbreviations)!;
  expect(judgeStep(exact, { ret: "1", err: "0" }, new Set()).kind).toBe("fail");
});
