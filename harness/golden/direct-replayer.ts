// Sends a dm_* scenario's hand-made datamodel.php requests as the equivalent requests to the plugin's API on the twin
// (direct-request-plan.ts) from the signed-in learner's page, and checks the contract "the plugin's API does better":
// a bad request gets an error (or, for a commit, its ops in the answer's `rejected`), stores nothing (values, grade,
// completion, in this activity and the other) and logs one request_refused event, none when Moodle core refuses it
// before the plugin runs (no or a wrong sesskey, a GET: lib/ajax/service.php); a good request stores what it sent, as Moodle stored it. Each breach is a Difference
// (sco "(direct)", element "<label>: <what>") judged against golden-divergences.json like the replay's.
import { COMMIT_METHOD, LAUNCH_METHOD, callLmsApi, openLmsPage } from "../attacker/lms-api-from-page.ts";
import type { ApiAnswer } from "../attacker/lms-api-from-page.ts";
import type { CdnActivity, LmsUser } from "../lms-driver/lms-driver.ts";
import {
  DIRECT_SCO,
  planRequest,
  type PluginRequest,
  type RecordedDirectRequest,
} from "./direct-request-plan.ts";
import { setUpScenario, type ReplayDeps } from "./replayer.ts";
import type { GoldenScenario } from "./scenario-types.ts";
import type { Difference } from "./stored-values-diff.ts";

const REFUSAL_EVENT = "\\local_externalscormbridge\\event\\request_refused";

export interface DirectRequestOutcome {
  plan: PluginRequest;
  answer: ApiAnswer;
  stored: boolean;
  refusals: number;
}

export interface DirectCheck {
  outcomes: DirectRequestOutcome[];
  differences: Difference[];
  notes: string[];
}

const breach = (label: string, what: string, expected: string, actual: string): Difference => ({
  kind: "different",
  sco: DIRECT_SCO,
  attempt: 0,
  element: `${label}: ${what}`,
  expected,
  actual,
});

/** Moodle's stored value of an element of the learner's own SCO in attempt 1 right after the request. */
function moodleValue(r: RecordedDirectRequest & { db_after?: { values?: string[][] } }, element: string) {
  return r.db_after?.values?.find(
    (v) => v[1] === "<sco:ITEM-1>" && v[0]?.endsWith("#1>") && v[2] === element,
  )?.[3];
}

export async function checkDirectRequests(deps: ReplayDeps, s: GoldenScenario): Promise<DirectCheck> {
  const { browser, lms } = deps;
  const requests = (s as { direct_requests?: RecordedDirectRequest[] }).direct_requests ?? [];
  const { course, user, activity, notes, packageUrl } = await setUpScenario(deps, s);
  const other = await lms.createCdnActivity(course, `GOLDEN ${s.name} (another activity)`, packageUrl);
  const learner = await openLmsPage(browser, lms, user);
  const state = async () => {
    const tracks = async (a: CdnActivity, u: LmsUser) =>
      (await lms.tracks(a, u)).map((t) => [t.scoid, t.attempt, t.element, t.value]);
    return JSON.stringify([
      await tracks(activity, user),
      await tracks(other, user),
      await lms.gradebookGrade(activity, user),
      await lms.completionState(activity, user),
    ]);
  };
  const refusals = async () =>
    (await lms.logEvents()).filter((e) => e.userid === user.id && e.eventname === REFUSAL_EVENT).length;
  const outcomes: DirectRequestOutcome[] = [];
  const differences: Difference[] = [];
  try {
    const own = await callLmsApi(learner.page, LAUNCH_METHOD, {
      cmid: activity.cmid,
      scoid: activity.scoes[0]!.id,
    });
    const launchid = (own.data as { launchid?: string } | undefined)?.launchid;
    if (own.error || !launchid)
      throw new Error(`The learner's own launch was refused: ${JSON.stringify(own)}`);
    let seq = 0;
    for (const recorded of requests) {
      const plan = planRequest(recorded, s.scorm_version);
      const before = await state();
      const refusedBefore = await refusals();
      const spoil = {
        ...(plan.sesskey === "valid" ? {} : { sesskey: plan.sesskey }),
        ...(plan.http === "GET" ? { http: "GET" as const } : {}),
      };
      const answer = plan.launch
        ? await callLmsApi(
            learner.page,
            LAUNCH_METHOD,
            {
              cmid: plan.launch.cmid === "own" ? activity.cmid : "",
              ...(plan.launch.sco === "none"
                ? {}
                : {
                    scoid:
                      plan.launch.sco === "own"
                        ? activity.scoes[0]!.id
                        : plan.launch.sco === "foreign"
                          ? other.scoes[0]!.id
                          : plan.launch.sco.id,
                  }),
              ...plan.launch.extra,
            },
            spoil,
          )
        : await callLmsApi(
            learner.page,
            COMMIT_METHOD,
            {
              launchid,
              ops: plan.ops.map((op) => ({ seq: ++seq, ...op })),
              terminate: false,
              ...plan.commitExtra,
            },
            spoil,
          );
      const after = await state();
      const stored = after !== before;
      const refused = (await refusals()) - refusedBefore;
      outcomes.push({ plan, answer, stored, refusals: refused });
      const label = plan.label;
      // A commit may refuse ops one by one (values outside their SCORM type): its answer's `rejected`.
      const rejected = (answer.data as { rejected?: unknown[] } | undefined)?.rejected?.length ?? 0;
      const refusedAnswer = answer.error || rejected > 0;
      if (plan.bad) {
        if (!refusedAnswer) differences.push(breach(label, "answer", "error", "accepted"));
        if (stored) differences.push(breach(label, "stores", "nothing", "something"));
        const coreRefuses = plan.sesskey !== "valid" || plan.http !== "POST";
        const wanted = refusedAnswer && !coreRefuses ? 1 : 0;
        if (refused !== wanted)
          differences.push(breach(label, "refusal events", String(wanted), String(refused)));
        continue;
      }
      if (refusedAnswer) {
        const got = answer.error ? (answer.exception?.errorcode ?? "error") : `${rejected} op(s) rejected`;
        differences.push(breach(label, "answer", "accepted", got));
        continue;
      }
      const rows = await lms.tracks(activity, user);
      for (const op of plan.ops) {
        const got = rows.find((t) => t.scoid === activity.scoes[0]!.id && t.element === op.element)?.value;
        if (got !== op.value) differences.push(breach(label, op.element, op.value, got ?? "(nothing)"));
        const moodle = moodleValue(recorded, op.element);
        if (plan.moodleStored && moodle !== op.value)
          differences.push(
            breach(label, `${op.element} as Moodle stored it`, moodle ?? "(nothing)", op.value),
          );
      }
      if (refused !== 0) differences.push(breach(label, "refusal events", "0", String(refused)));
    }
  } finally {
    await learner.close();
  }
  return { outcomes, differences, notes };
}
