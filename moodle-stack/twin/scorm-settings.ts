// The grading, attempt and completion settings of a SCORM activity as mod_scorm's form takes them (moodle-scorm-
// contract §3.1, §3.5): defaults of a fresh install (scorm/* admin defaults), and the form's validation, each bad
// value refused with its reason. Column names are mdl_scorm's; `completion` is course_modules.completion.
import { COMPLETION_TRACKING_AUTOMATIC, COMPLETION_TRACKING_NONE } from "./completion.ts";

export interface ScormActivitySettings {
  /** 0 learning objects, 1 highest, 2 average, 3 sum. */
  grademethod: number;
  /** 0 highest attempt, 1 average, 2 first, 3 last completed. */
  whatgrade: number;
  /** Maximum grade, 0-100 (not used by learning objects). */
  maxgrade: number;
  /** Attempts allowed, 0 = unlimited. */
  maxattempt: number;
  forcecompleted: number;
  /** 0 no, 1 when the previous attempt is complete, 2 always. */
  forcenewattempt: number;
  masteryoverride: number;
  /** Skip the view page: 0 never, 1 the first time (no attempt yet), 2 always (scorm_simple_play). */
  skipview: number;
  /** Bitmask: 2 passed, 4 completed, 6 either; null = rule off. */
  completionstatusrequired: number | null;
  /** Minimum score.raw; null = rule off. */
  completionscorerequired: number | null;
  /** 1 = every SCO needs passed/completed; null or 0 = rule off. */
  completionstatusallscos: number | null;
  /** course_modules.completion: 0 none, 2 automatic. */
  completion: number;
}

/** A fresh Moodle 4.5's defaults for a new activity (scorm/grademethod, scorm/maxattempt, ...). */
export const DEFAULT_SCORM_SETTINGS: Readonly<ScormActivitySettings> = {
  grademethod: 1,
  whatgrade: 0,
  maxgrade: 100,
  maxattempt: 0,
  forcecompleted: 0,
  forcenewattempt: 0,
  masteryoverride: 1,
  skipview: 0,
  completionstatusrequired: null,
  completionscorerequired: null,
  completionstatusallscos: null,
  completion: COMPLETION_TRACKING_NONE,
};

export class ScormSettingsError extends Error {}

const oneOf = (name: string, value: number, allowed: readonly number[]): void => {
  if (!allowed.includes(value))
    throw new ScormSettingsError(`${name} must be one of ${allowed.join(", ")}, got ${value}`);
};

/**
 * The settings an activity gets from `requested` over the defaults, checked as mod_form does. Completion tracking
 * is automatic when any completion rule is set and `completion` is not given.
 */
export function resolveScormSettings(requested: Partial<ScormActivitySettings> = {}): ScormActivitySettings {
  const s: ScormActivitySettings = { ...DEFAULT_SCORM_SETTINGS, ...requested };
  const hasRule = !!s.completionstatusrequired || !!s.completionscorerequired || !!s.completionstatusallscos;
  if (requested.completion === undefined)
    s.completion = hasRule ? COMPLETION_TRACKING_AUTOMATIC : COMPLETION_TRACKING_NONE;
  oneOf("grademethod", s.grademethod, [0, 1, 2, 3]);
  oneOf("whatgrade", s.whatgrade, [0, 1, 2, 3]);
  if (!Number.isFinite(s.maxgrade) || s.maxgrade < 0 || s.maxgrade > 100)
    throw new ScormSettingsError(`maxgrade must be between 0 and 100, got ${s.maxgrade}`);
  if (!Number.isSafeInteger(s.maxattempt) || s.maxattempt < 0)
    throw new ScormSettingsError(
      `maxattempt must be a whole number of attempts (0 = unlimited), got ${s.maxattempt}`,
    );
  oneOf("forcecompleted", s.forcecompleted, [0, 1]);
  oneOf("forcenewattempt", s.forcenewattempt, [0, 1, 2]);
  oneOf("masteryoverride", s.masteryoverride, [0, 1]);
  oneOf("skipview", s.skipview, [0, 1, 2]);
  oneOf("completion", s.completion, [COMPLETION_TRACKING_NONE, COMPLETION_TRACKING_AUTOMATIC]);
  if (s.completionstatusrequired !== null)
    oneOf("completionstatusrequired", s.completionstatusrequired, [2, 4, 6]);
  if (
    s.completionscorerequired !== null &&
    (!Number.isSafeInteger(s.completionscorerequired) || s.completionscorerequired <= 0)
  )
    throw new ScormSettingsError(
      `completionscorerequired must be a whole number above 0, got ${s.completionscorerequired}`,
    );
  if (s.completionstatusallscos !== null) oneOf("completionstatusallscos", s.completionstatusallscos, [0, 1]);
  if (s.completionstatusallscos && !s.completionstatusrequired)
    throw new ScormSettingsError(
      "completionstatusallscos needs completionstatusrequired (a status to require)",
    );
  if (hasRule && s.completion !== COMPLETION_TRACKING_AUTOMATIC)
    throw new ScormSettingsError("completion rules need automatic completion tracking (completion = 2)");
  return s;
}

/** The mdl_scorm columns of the settings (everything but course_modules.completion). */
export function scormColumns(s: ScormActivitySettings): Record<string, number | null> {
  const columns: Record<string, number | null> = { ...s };
  delete columns.completion;
  return columns;
}
