// The P07/P08 oracles (harness/oracles/moodle-grading.ts, moodle-completion.ts, mod-scorm-model.ts) against Moodle
// 4.5.6 itself: every golden scenario's datamodel.php POSTs are fed to the model in the order the server stored
// them, and its predictions must equal the grade, the grade history and the completion state Moodle recorded —
// after the last launch and after every launch with a db snapshot.
import { expect, test } from "@playwright/test";
import { loadGoldenCorpus } from "../../harness/golden/scenario-loader.ts";
import type { GoldenScenario } from "../../harness/golden/scenario-types.ts";
import { completionAfterRegrade, rulesHold } from "../../harness/oracles/moodle-completion.ts";
import {
  decimal5,
  gradeForUser,
  gradedScore,
  phpFloat,
  phpSprintf2f,
} from "../../harness/oracles/moodle-grading.ts";
import { ModScormModel, playerWrites12, regrades } from "../../harness/oracles/mod-scorm-model.ts";

const corpus = loadGoldenCorpus();

interface Post {
  launch: number;
  status: number;
  response: string;
  fields: Array<[string, string]>;
}

type RawScenario = GoldenScenario & {
  datamodel_posts?: Post[];
  db: GoldenScenario["db"] & {
    grade_grades_history?: Array<{ source: string; rawgrade: string | null }>;
  };
};

const num = (v: string | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);
const setting = (s: GoldenScenario, name: string): number | null => {
  const v = s.activity_settings[name];
  return v === null || v === undefined || v === "" ? null : Number(v);
};

function modelFor(s: GoldenScenario): ModScormModel {
  const completion = {
    completionstatusrequired: setting(s, "completionstatusrequired"),
    completionscorerequired: setting(s, "completionscorerequired"),
    completionstatusallscos: setting(s, "completionstatusallscos"),
  };
  return new ModScormModel({
    version: s.scorm_version,
    scoes: s.manifest_facts.scoes.filter((x) => x.launch).map((x) => `<sco:${x.identifier}>`),
    grading: {
      grademethod: setting(s, "grademethod") ?? 1,
      whatgrade: setting(s, "whatgrade") ?? 0,
      maxgrade: setting(s, "maxgrade") ?? 100,
      maxattempt: setting(s, "maxattempt") ?? 0,
      version: s.scorm_version,
    },
    completion,
    // As the golden replay infers: tracking is automatic exactly when a completion rule is set.
    completionTracking: Object.values(completion).some((v) => !!v),
    forcecompleted: setting(s, "forcecompleted") === 1,
  });
}

/** Feeds a POST's cmi fields to the model as datamodel.php does (`__` → `.`, only names starting with cmi). */
function feed(model: ModScormModel, post: Post): void {
  const field = (name: string) => post.fields.find(([k]) => k === name)?.[1] ?? "";
  const attempt = Number.parseInt(field("attempt"), 10) || 0;
  const sco = field("scoid");
  for (const [name, value] of post.fields) {
    if (!name.startsWith("cmi")) continue;
    model.write(attempt, sco, name.replace(/__/g, "."), value);
  }
}

const expectedState = (
  grades: Array<{ userid: string; rawgrade: string | null; finalgrade: string | null }>,
  completion: Array<{ userid: string; completionstate: string | number }>,
  user: string,
) => {
  const g = grades.find((x) => x.userid === user && (x.rawgrade !== null || x.finalgrade !== null));
  return {
    rawgrade: num(g?.rawgrade),
    finalgrade: num(g?.finalgrade),
    completion: Number(completion.find((c) => c.userid === user)?.completionstate ?? 0),
  };
};

const replayable = corpus.scenarios.filter(
  (s) => !s.name.startsWith("dm_") && ((s as RawScenario).datamodel_posts?.length ?? 0) > 0,
) as RawScenario[];

test.skip(!corpus.available, corpus.notice);

test("contract §3.2-§3.5: the oracles predict Moodle 4.5.6's grade, grade history and completion for every golden scenario", () => {
  expect(replayable.length).toBeGreaterThan(20);
  for (const s of replayable) {
    const user = `<${s.actor}>`;
    const model = modelFor(s);
    const posts = s.datamodel_posts!.filter((p) => p.status === 200 && p.response.startsWith("true"));
    const launches = [...new Set(posts.map((p) => p.launch))].sort((a, b) => a - b);
    for (const launch of launches) {
      for (const post of posts.filter((p) => p.launch === launch)) feed(model, post);
      const snapshot = s.db_snapshots.find((x) => x.after_launch === launch);
      if (!snapshot?.grade_grades) continue;
      const want = expectedState(snapshot.grade_grades, snapshot.completion ?? [], user);
      const got = model.gradebook();
      expect(
        {
          rawgrade: got?.rawgrade ?? null,
          finalgrade: got?.finalgrade ?? null,
          completion: model.completion(),
        },
        `${s.name} after launch ${launch}`,
      ).toEqual(want);
    }
    const want = expectedState(s.db.grade_grades ?? [], s.db.completion ?? [], user);
    const got = model.gradebook();
    expect(
      {
        rawgrade: got?.rawgrade ?? null,
        finalgrade: got?.finalgrade ?? null,
        completion: model.completion(),
      },
      `${s.name} final`,
    ).toEqual(want);
    const history = (s.db.grade_grades_history ?? [])
      .filter((h) => h.source === "mod/scorm")
      .map((h) => num(h.rawgrade));
    expect(model.gradeChanges, `${s.name}: the grades each regrade wrote, in order`).toEqual(history);
  }
});

test("contract §2.5: the oracle reads raw scores as PHP's (float) sprintf('%2.2f') does", () => {
  expect(gradedScore("99.999")).toBe(100);
  expect(gradedScore("abc")).toBe(0);
  expect(gradedScore("12abc")).toBe(12);
  expect(gradedScore(" 5")).toBe(0);
  expect(phpFloat("-.5e1x")).toBe(-5);
  expect(phpFloat("1e")).toBe(1);
  expect(phpSprintf2f(0.125)).toBe(0.12);
  expect(phpSprintf2f(0.375)).toBe(0.38);
  expect(phpSprintf2f(1.005)).toBe(1); // 1.005 is 1.00499999999999989... in binary
  expect(phpSprintf2f(-2.675)).toBe(-2.67);
  expect(decimal5(10 / 3)).toBe(3.33333);
  expect(decimal5(2 / 3)).toBe(0.66667);
});

test("contract §3.3 and §3.5: grade over attempts and completion rules, as the oracles state them", () => {
  const rules = { grademethod: 1, whatgrade: 1, maxgrade: 100, maxattempt: 0, version: "1.2" as const };
  const stored = [
    { attempt: 1, sco: "A", element: "cmi.core.score.raw", value: "70" },
    { attempt: 2, sco: "A", element: "cmi.core.score.raw", value: "45" },
    { attempt: 3, sco: "A", element: "cmi.core.score.raw", value: "90" },
  ];
  expect(gradeForUser(rules, ["A"], [1, 2, 3], stored)).toBe(68);
  const none = {
    completionstatusrequired: null,
    completionscorerequired: null,
    completionstatusallscos: null,
  };
  expect(rulesHold(none, [], ["A"])).toBe(true);
  expect(rulesHold({ ...none, completionscorerequired: 50 }, stored, ["A"])).toBe(true);
  expect(completionAfterRegrade(1, { ...none, completionscorerequired: 99 }, stored, ["A"])).toBe(1);
  expect(regrades("cmi.success_status", "passed")).toBe(true);
  expect(regrades("cmi.success_status", "failed")).toBe(false);
});

test("contract §1.3: the model adds the 1.2 player's own status writes", () => {
  const model = new ModScormModel({
    version: "1.2",
    scoes: ["A"],
    grading: { grademethod: 1, whatgrade: 0, maxgrade: 100, maxattempt: 0, version: "1.2" },
    completion: { completionstatusrequired: 4, completionscorerequired: null, completionstatusallscos: null },
    completionTracking: true,
  });
  const attempt = model.openPlayer("A", false);
  expect(playerWrites12(model, attempt, "A", false)).toEqual([["cmi.core.lesson_status", "not attempted"]]);
  model.write(attempt, "A", "cmi.core.lesson_status", "not attempted");
  expect(model.gradebook()).toBeNull();
  expect(playerWrites12(model, attempt, "A", true)).toEqual([["cmi.core.lesson_status", "completed"]]);
  model.write(attempt, "A", "cmi.core.lesson_status", "completed");
  expect(model.gradebook()).toEqual({ rawgrade: 0, finalgrade: 0, grademax: 100 });
  expect(model.completion()).toBe(1);
  expect(model.openPlayer("A", true), "a finished attempt lets the learner start attempt 2").toBe(2);
});
