// mod_scorm's grading maths (moodle-scorm-contract §3.1-§3.3, read from Moodle 4.5.6 locallib.php and checked
// against the golden scenarios): the grade of one attempt by grade method, the grade over attempts by "what grade",
// and which stored element triggers a recalculation (§2.3 step 4). Pure functions over stored tracks, so the same
// rules serve the LMS API, reports and tests.

/** scorm.grademethod (§3.1). */
export const GRADESCOES = 0;
export const GRADEHIGHEST = 1;
export const GRADEAVERAGE = 2;
export const GRADESUM = 3;

/** scorm.whatgrade (§3.1). */
export const HIGHESTATTEMPT = 0;
export const AVERAGEATTEMPT = 1;
export const FIRSTATTEMPT = 2;
export const LASTATTEMPT = 3;

export const SCORE_ELEMENTS: readonly string[] = ["cmi.core.score.raw", "cmi.score.raw"];
export const STATUS_ELEMENTS: readonly string[] = [
  "cmi.core.lesson_status",
  "cmi.completion_status",
  "cmi.success_status",
];

/** One stored value of a user in an activity (mod_scorm's element names), as scorm_get_tracks reads it. */
export interface GradedTrack {
  scoid: number;
  attempt: number;
  element: string;
  value: string;
}

/** The columns of mdl_scorm that grading reads. */
export interface GradingSettings {
  grademethod: number;
  whatgrade: number;
  maxattempt: number;
  /** mdl_scorm.version: SCORM_1.2 or SCORM_1.3. */
  version: string;
}

/**
 * §2.3 step 4: scorm_insert_track recalculates the grade after storing any score.raw (whatever its value) and after
 * storing completed/passed in a status element (4.5 tests the new value).
 */
export function triggersGradeUpdate(element: string, value: string): boolean {
  if (SCORE_ELEMENTS.includes(element)) return true;
  return STATUS_ELEMENTS.includes(element) && (value === "completed" || value === "passed");
}

/**
 * PHP's conversion of a string to float (zend_strtod on the leading numeric text): "12abc" is 12, "abc" and "" are 0.
 */
export function phpStringToFloat(value: string): number {
  const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(value);
  return m ? Number(m[0]) : 0;
}

/**
 * `(float) sprintf('%2.2f', $value)` (§2.5, scorm_format_interactions): the raw score rounded to two decimals.
 * PHP formats with zend_dtoa mode 3, i.e. correctly rounded from the binary value, and an exact binary tie (an odd
 * multiple of 1/8 such as 0.125) goes to the even digit; JavaScript's toFixed rounds such ties up, so they are
 * corrected here. 99.999 becomes 100, "abc" becomes 0.
 */
export function scoreRawTwoDecimals(value: string): number {
  const x = phpStringToFloat(value);
  if (!Number.isFinite(x)) return x;
  const scaled = x * 8;
  if (Number.isInteger(scaled) && !Number.isInteger(x * 4)) {
    // x = k/8 with k odd: exactly halfway between two hundredths; round half to even.
    const lower = Math.floor(Math.abs(x) * 100) / 100;
    const lowerDigit = Math.round(lower * 100) % 2;
    const magnitude = lowerDigit === 0 ? lower : lower + 0.01;
    return Number((Math.sign(x) * magnitude).toFixed(2));
  }
  return Number(x.toFixed(2));
}

/** PHP's round() to an integer: half away from zero. */
export function phpRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** What scorm_get_tracks/scorm_format_interactions derive for one SCO in one attempt. */
export interface ScoTrackSummary {
  /** lesson_status or completion_status ("not attempted" read as "notattempted"); success_status is not used. */
  status: string;
  /** The two-decimal raw score, or "" when no score.raw is stored. */
  scoreRaw: number | "";
}

/** scorm_format_interactions over one SCO's rows of one attempt (elements in ascending order; the last wins). */
export function summariseSco(
  rows: readonly Pick<GradedTrack, "element" | "value">[],
): ScoTrackSummary | null {
  if (rows.length === 0) return null;
  const summary: ScoTrackSummary = { status: "", scoreRaw: "" };
  const sorted = [...rows].sort((a, b) => (a.element < b.element ? -1 : a.element > b.element ? 1 : 0));
  for (const row of sorted) {
    if (row.element === "cmi.core.lesson_status" || row.element === "cmi.completion_status")
      summary.status = row.value === "not attempted" ? "notattempted" : row.value;
    else if (SCORE_ELEMENTS.includes(row.element)) summary.scoreRaw = scoreRawTwoDecimals(row.value);
  }
  return summary;
}

/**
 * scorm_grade_user_attempt (§3.2): over every scorm_scoes row of the activity, count the SCOs with a completed or
 * passed status and collect the raw scores that are not empty — PHP's empty(), so a score of 0 is left out (also
 * out of the average's denominator). Highest never goes below 0. Null when the activity has no scorm_scoes rows.
 */
export function gradeUserAttempt(
  grademethod: number,
  scoIds: readonly number[],
  tracks: readonly GradedTrack[],
  attempt: number,
): number | null {
  if (scoIds.length === 0) return null;
  let scoes = 0;
  let values = 0;
  let max = 0;
  let sum = 0;
  for (const scoid of scoIds) {
    const summary = summariseSco(tracks.filter((t) => t.scoid === scoid && t.attempt === attempt));
    if (!summary) continue;
    if (summary.status === "completed" || summary.status === "passed") scoes++;
    if (summary.scoreRaw !== "" && summary.scoreRaw !== 0) {
      values++;
      sum += summary.scoreRaw;
      max = summary.scoreRaw > max ? summary.scoreRaw : max;
    }
  }
  switch (grademethod) {
    case GRADEHIGHEST:
      return max;
    case GRADEAVERAGE:
      return values > 0 ? sum / values : 0;
    case GRADESUM:
      return sum;
    case GRADESCOES:
      return scoes;
    default:
      return max;
  }
}

const isScorm2004 = (version: string): boolean => /1\.3|13/.test(version.toLowerCase());

/** The element whose presence makes an attempt count for AVERAGEATTEMPT (scorm_get_attempt_count, MDL-43222). */
export function averageAttemptElement(settings: GradingSettings): string {
  if (isScorm2004(settings.version)) return "cmi.score.raw";
  return settings.grademethod === GRADESCOES ? "cmi.core.lesson_status" : "cmi.core.score.raw";
}

/**
 * scorm_grade_user (§3.3): the grade over attempts. `attempts` are the user's scorm_attempt numbers; `tracks` every
 * stored value of the user in the activity. First: the lowest attempt. Last: the highest attempt holding any value
 * "completed" or "passed" (whatever the element), else 1. Highest: the best of attempts 1..last (capped at
 * maxattempt), never below 0. Average: the sum over attempts 1..last (not capped) divided by the number of attempts
 * that stored the counting element, rounded to an integer; 0 when none did.
 */
export function gradeUser(
  settings: GradingSettings,
  scoIds: readonly number[],
  attempts: readonly number[],
  tracks: readonly GradedTrack[],
): number | null {
  const uncappedLast = attempts.length > 0 ? Math.max(...attempts) : 1;
  let last = uncappedLast;
  if (settings.maxattempt !== 0 && last >= settings.maxattempt) last = settings.maxattempt;
  const grade = (attempt: number) => gradeUserAttempt(settings.grademethod, scoIds, tracks, attempt);
  switch (settings.whatgrade) {
    case FIRSTATTEMPT:
      return grade(attempts.length > 0 ? Math.min(...attempts) : 1);
    case LASTATTEMPT: {
      const completed = tracks
        .filter((t) => t.value === "completed" || t.value === "passed")
        .map((t) => t.attempt);
      return grade(completed.length > 0 ? Math.max(...completed) : 1);
    }
    case HIGHESTATTEMPT: {
      let best = 0;
      for (let a = 1; a <= last; a++) {
        const g = grade(a);
        if (g !== null && g > best) best = g;
      }
      return best;
    }
    case AVERAGEATTEMPT: {
      const element = averageAttemptElement(settings);
      const counted = new Set(tracks.filter((t) => t.element === element).map((t) => t.attempt)).size;
      if (counted === 0) return 0;
      let sum = 0;
      for (let a = 1; a <= uncappedLast; a++) sum += grade(a) ?? 0;
      return phpRound(sum / counted);
    }
    default:
      // An unknown whatgrade makes scorm_grade_user return nothing.
      return null;
  }
}
