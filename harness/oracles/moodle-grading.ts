// Oracle: mod_scorm's grade for a learner (moodle-scorm-contract §3.2-§3.4; Moodle 4.5.6 scorm_grade_user_attempt,
// scorm_grade_user, scorm_grade_item_update and core's grade_update), from stored values. Written apart from the
// twin; numbers follow PHP: the raw score is read as (float) sprintf('%2.2f'), PHP's round() is half away from
// zero, and the gradebook's DECIMAL(10,5) columns round the decimal text PHP sends them.

export interface GradingRules {
  /** 0 learning objects, 1 highest, 2 average, 3 sum. */
  grademethod: number;
  /** 0 highest attempt, 1 average of attempts, 2 first attempt, 3 last completed attempt. */
  whatgrade: number;
  maxgrade: number;
  /** 0 = unlimited. */
  maxattempt: number;
  version: "1.2" | "2004";
}

export interface StoredValue {
  attempt: number;
  sco: string | number;
  element: string;
  value: string;
}

export interface GradebookExpectation {
  rawgrade: number | null;
  finalgrade: number | null;
  grademax: number;
}

/**
 * The exact decimal digits of a finite double (every double is a dyadic rational m·2^e, hence a finite decimal).
 * Returns [digits, scale]: value = digits / 10^scale.
 */
function exactDecimal(x: number): [bigint, number] {
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, x);
  const hi = buffer.getUint32(0);
  const lo = buffer.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const exponent = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exponent === 0) e = -1074;
  else {
    mantissa |= 1n << 52n;
    e = exponent - 1075;
  }
  if (e >= 0) return [sign * (mantissa << BigInt(e)), 0];
  // m / 2^k = m·5^k / 10^k
  return [sign * mantissa * 5n ** BigInt(-e), -e];
}

/** zend_dtoa mode 3 with two digits: the exact binary value rounded to hundredths, exact ties to the even digit. */
export function phpSprintf2f(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const [digits, scale] = exactDecimal(x);
  if (scale <= 2) return x;
  const divisor = 10n ** BigInt(scale - 2);
  const negative = digits < 0n;
  const magnitude = negative ? -digits : digits;
  let hundredths = magnitude / divisor;
  const remainder = magnitude % divisor;
  const twice = remainder * 2n;
  if (twice > divisor || (twice === divisor && hundredths % 2n === 1n)) hundredths += 1n;
  const value = Number(hundredths) / 100;
  return negative ? -value : value;
}

/** PHP's string → float for a stored value: its leading number, else 0. */
export function phpFloat(text: string): number {
  let end = 0;
  const digitsAt = (i: number) => {
    let j = i;
    while (j < text.length && text[j]! >= "0" && text[j]! <= "9") j++;
    return j;
  };
  if (text[end] === "+" || text[end] === "-") end++;
  const intEnd = digitsAt(end);
  let fracEnd = intEnd;
  if (text[intEnd] === ".") fracEnd = digitsAt(intEnd + 1);
  const mantissaDigits = intEnd - end + Math.max(0, fracEnd - intEnd - 1);
  if (mantissaDigits === 0) return 0;
  let stop = fracEnd;
  if (text[stop] === "e" || text[stop] === "E") {
    let k = stop + 1;
    if (text[k] === "+" || text[k] === "-") k++;
    const expEnd = digitsAt(k);
    if (expEnd > k) stop = expEnd;
  }
  return Number(text.slice(0, stop));
}

/** The raw score mod_scorm grades with: (float) sprintf('%2.2f', value). */
export function gradedScore(value: string): number {
  return phpSprintf2f(phpFloat(value));
}

/** scorm_grade_user_attempt: one attempt's grade by grade method. */
export function gradeForAttempt(
  grademethod: number,
  scoes: ReadonlyArray<string | number>,
  stored: readonly StoredValue[],
  attempt: number,
): number {
  let completedScoes = 0;
  const scores: number[] = [];
  for (const sco of scoes) {
    const rows = stored.filter((v) => v.attempt === attempt && String(v.sco) === String(sco));
    if (rows.length === 0) continue;
    // scorm_get_tracks reads rows by element name ascending; for each field the last one read wins.
    const byName = [...rows].sort((a, b) => a.element.localeCompare(b.element, "en"));
    let status = "";
    let score: number | null = null;
    for (const row of byName) {
      if (row.element === "cmi.core.lesson_status" || row.element === "cmi.completion_status")
        status = row.value;
      if (row.element === "cmi.core.score.raw" || row.element === "cmi.score.raw")
        score = gradedScore(row.value);
    }
    if (status === "completed" || status === "passed") completedScoes += 1;
    // PHP empty(): a score of 0 is no score.
    if (score !== null && score !== 0) scores.push(score);
  }
  if (grademethod === 0) return completedScoes;
  if (grademethod === 3) return scores.reduce((a, b) => a + b, 0);
  if (grademethod === 2) return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
  return scores.reduce((best, s) => (s > best ? s : best), 0);
}

/** scorm_grade_user: the grade over attempts (null for an unknown "what grade"). */
export function gradeForUser(
  rules: GradingRules,
  scoes: ReadonlyArray<string | number>,
  attempts: readonly number[],
  stored: readonly StoredValue[],
): number | null {
  const byAttempt = (a: number) => gradeForAttempt(rules.grademethod, scoes, stored, a);
  const last = attempts.length ? Math.max(...attempts) : 1;
  switch (rules.whatgrade) {
    case 2:
      return byAttempt(attempts.length ? Math.min(...attempts) : 1);
    case 3: {
      const done = stored
        .filter((v) => v.value === "completed" || v.value === "passed")
        .map((v) => v.attempt);
      return byAttempt(done.length ? Math.max(...done) : 1);
    }
    case 0: {
      const upTo = rules.maxattempt > 0 ? Math.min(last, rules.maxattempt) : last;
      let best = 0;
      for (let a = 1; a <= upTo; a++) best = Math.max(best, byAttempt(a));
      return best;
    }
    case 1: {
      const counting =
        rules.version === "2004"
          ? "cmi.score.raw"
          : rules.grademethod === 0
            ? "cmi.core.lesson_status"
            : "cmi.core.score.raw";
      const counted = new Set(stored.filter((v) => v.element === counting).map((v) => v.attempt)).size;
      if (counted === 0) return 0;
      let total = 0;
      for (let a = 1; a <= last; a++) total += byAttempt(a);
      const mean = total / counted;
      return mean < 0 ? -Math.round(-mean) : Math.round(mean);
    }
    default:
      return null;
  }
}

/** A DECIMAL(10,5) column's value for a PHP float: PHP sends its shortest decimal text, the column rounds it. */
export function decimal5(x: number): number {
  const text = String(x);
  if (/e/i.test(text)) return Number(x.toFixed(5));
  const [int, frac = ""] = text.replace("-", "").split(".");
  if (frac.length <= 5) return x;
  let kept = BigInt(int + frac.slice(0, 5));
  if (frac[5]! >= "5") kept += 1n;
  const value = Number(kept) / 1e5;
  return text.startsWith("-") ? -value : value;
}

/**
 * The gradebook row after a regrade (scorm_grade_item_update + grade_update): learning objects are graded out of
 * the number of SCOs, the other methods out of the maximum grade; the final grade is the raw grade bounded into
 * [0, grademax], or grademax itself when the item has no range.
 */
export function gradebookRow(
  rules: GradingRules,
  scoCount: number,
  rawgrade: number | null,
): GradebookExpectation {
  const grademax = rules.grademethod === 0 ? scoCount : rules.maxgrade;
  if (rawgrade === null) return { rawgrade: null, finalgrade: null, grademax };
  const raw = decimal5(rawgrade);
  const final = grademax <= 0 ? grademax : Math.min(grademax, Math.max(0, raw));
  return { rawgrade: raw, finalgrade: decimal5(final), grademax };
}
