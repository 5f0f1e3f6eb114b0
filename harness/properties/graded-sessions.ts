// Plays a learner's graded sessions (conformance/generators/grading-arbitrary.ts) through the probe SCO in the
// browser, across the bridge, and after every Commit and LMSFinish/Terminate reads the gradebook grade and the
// completion state through the LMS driver next to what the mod_scorm oracle predicts for the same writes.
// "After the commit" is made exact without looking inside the bridge: every commit ends with a marker location
// the LMS must have stored, and every finish sets a session time whose total_time the LMS must have stored.
import type { Browser } from "@playwright/test";
import type { GradedPlan } from "../../conformance/generators/grading-arbitrary.ts";
import type {
  CdnActivity,
  GradebookGrade,
  LmsDriver,
  LmsUser,
  StoredTrack,
} from "../lms-driver/lms-driver.ts";
import { ModScormModel, playerWrites12 } from "../oracles/mod-scorm-model.ts";
import type { GradebookExpectation } from "../oracles/moodle-grading.ts";
import { openLearnerSession } from "../probe/learner-session.ts";
import type { ProbeCall, ProbeResult } from "../probe/probe-client.ts";
import { SCORM_API } from "../probe/scorm-api-names.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { eventually } from "./eventually.ts";
import { storedElementName } from "./stored-element-name.ts";

export interface GradedStep {
  /** Where in the plan: "session 2 (SCO 1, attempt 2) commit 1" or "... finish". */
  label: string;
  expectedGrade: GradebookExpectation | null;
  observedGrade: GradebookGrade | null;
  expectedCompletion: number;
  observedCompletion: number;
}

export interface GradedDeps {
  browser: Browser;
  stack: EmbeddedStack;
  lms: LmsDriver;
}

const MANIFEST_12 = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="esb.graded.scorm12" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG-1"><organization identifier="ORG-1"><title>Graded probe (SCORM 1.2)</title>
${items}
  </organization></organizations>
  <resources><resource identifier="RES-1" type="webcontent" adlcp:scormtype="sco" href="sco.html">
    <file href="sco.html"/><file href="probe.js"/></resource></resources>
</manifest>`;

const MANIFEST_2004 = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="esb.graded.scorm2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="ORG-1"><organization identifier="ORG-1"><title>Graded probe (SCORM 2004)</title>
${items}
  </organization></organizations>
  <resources><resource identifier="RES-1" type="webcontent" adlcp:scormType="sco" href="sco.html">
    <file href="sco.html"/><file href="probe.js"/></resource></resources>
</manifest>`;

/** A probe package of `scoCount` SCOs (ITEM-1..n), no mastery score or completion threshold. */
export function gradedManifest(version: "1.2" | "2004", scoCount: number): string {
  const items = Array.from(
    { length: scoCount },
    (_, i) =>
      `    <item identifier="ITEM-${i + 1}" identifierref="RES-1" parameters="?sco=${i + 1}"><title>SCO ${i + 1}</title></item>`,
  ).join("\n");
  return version === "1.2" ? MANIFEST_12(items) : MANIFEST_2004(items);
}

/** Publishes the four graded packages (1.2/2004 × 1/3 SCOs); returns their manifest URLs by `${version}x${n}`. */
export async function publishGradedPackages(
  stack: EmbeddedStack,
  prefix: string,
): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const version of ["1.2", "2004"] as const)
    for (const n of [1, 3]) {
      const name = `${prefix}-${version === "1.2" ? "12" : "2004"}-${n}`;
      urls.set(`${version}x${n}`, await stack.publishProbePackage(name, gradedManifest(version, n)));
    }
  return urls;
}

function secondsOf(duration: string): number | null {
  const hms = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(duration);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (iso && duration !== "P" && !duration.endsWith("T"))
    return (
      Number(iso[1] ?? 0) * 86400 +
      Number(iso[2] ?? 0) * 3600 +
      Number(iso[3] ?? 0) * 60 +
      Number(iso[4] ?? 0)
    );
  return null;
}

const describeCall = (r: ProbeResult) =>
  `${r.fn}(${r.args.map((a) => JSON.stringify(a)).join(", ")}) → ${r.ret}/${r.err}`;

/**
 * Creates the activity with the plan's settings and a fresh learner, plays every session, and hands each step's
 * prediction and observation to `onStep` (which asserts). Throws when the runtime refuses a valid call or a commit
 * never lands.
 */
export async function playGradedPlan(
  deps: GradedDeps,
  course: number,
  packageUrls: ReadonlyMap<string, string>,
  plan: GradedPlan,
  onStep: (step: GradedStep) => void,
): Promise<{ activity: CdnActivity; user: LmsUser }> {
  const { browser, stack, lms } = deps;
  const rules = plan.completion;
  const anyRule = !!(
    rules.completionstatusrequired ||
    rules.completionscorerequired ||
    rules.completionstatusallscos
  );
  const url = packageUrls.get(`${plan.version}x${plan.scoCount}`);
  if (!url) throw new Error(`No graded package for ${plan.version} with ${plan.scoCount} SCOs`);
  const activity = await lms.createCdnActivity(course, `graded ${plan.version}`, url, {
    ...plan.grading,
    ...rules,
  });
  const user = await lms.createUser();
  await lms.enrol(user, course);
  const model = new ModScormModel({
    version: plan.version,
    scoes: activity.scoes.map((s) => s.id),
    grading: { ...plan.grading, version: plan.version },
    completion: rules,
    completionTracking: anyRule,
  });
  const api = SCORM_API[plan.version];
  const location = plan.version === "1.2" ? "cmi.core.lesson_location" : "cmi.location";
  const sessionTime = plan.version === "1.2" ? "cmi.core.session_time" : "cmi.session_time";
  const totalTime = plan.version === "1.2" ? "cmi.core.total_time" : "cmi.total_time";
  /** 1.2 total_time accumulates over the attempt's finished sessions; 2004 restarts (no suspend, no reload). */
  const totals = new Map<string, number>();

  const observe = async (label: string) =>
    onStep({
      label,
      expectedGrade: model.gradebook(),
      observedGrade: await lms.gradebookGrade(activity, user),
      expectedCompletion: model.completion(),
      observedCompletion: await lms.completionState(activity, user),
    });
  const landed = async (
    what: string,
    attempt: number,
    scoid: number,
    check: (rows: StoredTrack[]) => boolean,
  ) => {
    const rows = await eventually(
      () =>
        lms
          .tracks(activity, user)
          .then((all) => all.filter((r) => r.attempt === attempt && r.scoid === scoid)),
      check,
    );
    if (!check(rows))
      throw new Error(
        `${what} never landed in attempt ${attempt} of SCO ${scoid}; stored: ${JSON.stringify(rows.map((r) => [r.element, r.value]))}`,
      );
  };
  const run = async (probe: { run(c: ProbeCall[]): Promise<ProbeResult[]> }, calls: ProbeCall[]) => {
    const results = await probe.run(calls);
    const refused = results.filter((r) => r.ret !== "true");
    if (refused.length > 0)
      throw new Error(`The runtime refused valid calls: ${refused.map(describeCall).join("; ")}`);
    return results;
  };

  for (const [j, s] of plan.sessions.entries()) {
    const sco = activity.scoes[s.sco]!;
    const attempt = model.openPlayer(sco.id, s.newAttempt);
    const where = `session ${j + 1} (SCO ${s.sco + 1}${s.newAttempt ? ", new attempt asked" : ""}, attempt ${attempt})`;
    const learner = await openLearnerSession(
      browser,
      lms,
      stack.origins.cdn,
      activity,
      user,
      s.sco,
      undefined,
      {
        newAttempt: s.newAttempt,
      },
    );
    try {
      await run(learner.probe, [[api.init, ""]]);
      for (const [k, writes] of s.commits.entries()) {
        const marker = `m${j + 1}.${k + 1}`;
        const all = [...writes, [location, marker] as [string, string]];
        await run(learner.probe, [...all.map(([e, v]): ProbeCall => [api.set, e, v]), [api.commit, ""]]);
        for (const [element, value] of all)
          model.write(attempt, sco.id, storedElementName(plan.version, element), value);
        if (plan.version === "1.2")
          for (const [e, v] of playerWrites12(model, attempt, sco.id, false))
            model.write(attempt, sco.id, e, v);
        await landed(`commit ${k + 1} (marker ${marker})`, attempt, sco.id, (rows) =>
          rows.some((r) => r.element === location && r.value === marker),
        );
        await observe(`${where} commit ${k + 1}`);
      }
      if (s.finish) {
        const seconds = j + 1;
        const key = `${attempt}/${sco.id}`;
        const total = (plan.version === "1.2" ? (totals.get(key) ?? 0) : 0) + seconds;
        totals.set(key, total);
        const value = plan.version === "1.2" ? `0000:00:0${seconds}` : `PT${seconds}S`;
        await run(learner.probe, [
          [api.set, sessionTime, value],
          [api.finish, ""],
        ]);
        if (plan.version === "2004") model.write(attempt, sco.id, sessionTime, value);
        else
          for (const [e, v] of playerWrites12(model, attempt, sco.id, true))
            model.write(attempt, sco.id, e, v);
        await landed(`the finish (total_time ${total} s)`, attempt, sco.id, (rows) =>
          rows.some((r) => r.element === totalTime && secondsOf(r.value) === total),
        );
        await observe(`${where} finish`);
      }
    } finally {
      await learner.close();
    }
  }
  return { activity, user };
}

/** The step as text for an assertion message. */
export function describeStep(step: GradedStep): string {
  return `${step.label}: expected grade ${JSON.stringify(step.expectedGrade)}, gradebook ${JSON.stringify(step.observedGrade)}; expected completion ${step.expectedCompletion}, stored ${step.observedCompletion}`;
}
