// Oracle: mod_scorm's activity completion (moodle-scorm-contract §3.5; Moodle 4.5.6 custom_completion::get_state
// and completion_info::update_state as scorm_set_completion calls it after a regrade). Written apart from the twin.
//  - Only a regrade evaluates completion (scorm_update_grades → scorm_set_completion(COMPLETION_COMPLETE)).
//  - update_state returns early when the stored state already is COMPLETE: completion is sticky.
//  - Otherwise the state becomes 1 when every rule that is set holds (with no rule set: 1), else it stays 0.
//  - Rules read every stored value of the learner in the activity, any attempt, literally.

export interface CompletionRules {
  /** 2 passed, 4 completed, 6 either; null/0 = not required. */
  completionstatusrequired: number | null;
  /** Minimum score.raw; null/0 = not required. */
  completionscorerequired: number | null;
  /** 1 = every SCO needs a passed/completed status; null/0 = not required. */
  completionstatusallscos: number | null;
}

export interface CompletionValue {
  sco: string | number;
  element: string;
  value: string;
}

const STATUS_ELEMENTS = new Set(["cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"]);
const SCORE_ELEMENTS = new Set(["cmi.core.score.raw", "cmi.score.raw"]);
const BIT: Record<string, number | undefined> = { passed: 2, completed: 4 };

/** PHP floatval(): the leading number of the text, else 0. */
function floatval(text: string): number {
  const m = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text);
  return m ? parseFloat(m[0]) : 0;
}

function statusHolds(required: number, stored: readonly CompletionValue[]): boolean {
  return stored.some((v) => {
    if (!STATUS_ELEMENTS.has(v.element)) return false;
    const bit = Object.prototype.hasOwnProperty.call(BIT, v.value) ? BIT[v.value] : undefined;
    return bit !== undefined && (required === 6 || bit === required);
  });
}

function scoreHolds(required: number, stored: readonly CompletionValue[]): boolean {
  return stored.some((v) => SCORE_ELEMENTS.has(v.element) && v.value !== "" && floatval(v.value) >= required);
}

function allScosHold(scoes: ReadonlyArray<string | number>, stored: readonly CompletionValue[]): boolean {
  return scoes.every((sco) =>
    stored.some(
      (v) =>
        String(v.sco) === String(sco) &&
        STATUS_ELEMENTS.has(v.element) &&
        (v.value === "passed" || v.value === "completed"),
    ),
  );
}

/** Whether every rule that is set holds for the stored values (custom_completion over all rules). */
export function rulesHold(
  rules: CompletionRules,
  stored: readonly CompletionValue[],
  scoes: ReadonlyArray<string | number>,
): boolean {
  if (rules.completionstatusrequired && !statusHolds(rules.completionstatusrequired, stored)) return false;
  if (rules.completionscorerequired && !scoreHolds(rules.completionscorerequired, stored)) return false;
  if (rules.completionstatusallscos && !allScosHold(scoes, stored)) return false;
  return true;
}

/** The completion state after one regrade, from the state before it. */
export function completionAfterRegrade(
  before: number,
  rules: CompletionRules,
  stored: readonly CompletionValue[],
  scoes: ReadonlyArray<string | number>,
): number {
  if (before !== 0) return before;
  return rulesHold(rules, stored, scoes) ? 1 : 0;
}
