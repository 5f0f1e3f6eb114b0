<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

namespace local_externalscormbridge\local;

/**
 * The commit's server-side value check for the elements that drive status, grading, completion and resume: an op
 * whose value is outside its element's SCORM type is refused (not stored) with a reason. A bridged SCO never sends
 * one (its runtime refuses such values at SetValue); a forged request can.
 *
 * One table per SCORM version, from the RTE books' data types (the twin holds the same: twin/value-rules.ts):
 * 1.2 lesson_status, exit and entry vocabularies, score.raw/min/max a CMIDecimal in 0..100 or CMIBlank, session_time
 * a CMITimespan; 2004 completion_status, success_status, exit and entry vocabularies, score.scaled a real in
 * [-1, 1], score.raw/min/max reals, progress_measure a real in [0, 1], session_time a timeinterval. Elements outside
 * the table are not checked here.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class value_rules {
    /** @var string A plain decimal: optional minus, digits, optional fraction; no "+", exponent or trailing ".". */
    const DECIMAL = '/^-?(?:\d+(?:\.\d+)?|\.\d+)$/';

    /**
     * Element => value type, per SCORM version. A type is ['vocabulary', words], ['real', min|null, max|null,
     * blank allowed], ['timespan'] or ['timeinterval'].
     *
     * @return array[]
     */
    private static function rules(): array {
        $score12 = ['real', 0, 100, true];
        $entry = ['vocabulary', ['ab-initio', 'resume', '']];
        return [
            '1.2' => [
                'cmi.core.lesson_status' => ['vocabulary',
                    ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted']],
                'cmi.core.exit' => ['vocabulary', ['time-out', 'suspend', 'logout', '']],
                'cmi.core.entry' => $entry,
                'cmi.core.score.raw' => $score12,
                'cmi.core.score.min' => $score12,
                'cmi.core.score.max' => $score12,
                'cmi.core.session_time' => ['timespan'],
            ],
            '2004' => [
                'cmi.completion_status' => ['vocabulary', ['completed', 'incomplete', 'not attempted', 'unknown']],
                'cmi.success_status' => ['vocabulary', ['passed', 'failed', 'unknown']],
                'cmi.exit' => ['vocabulary', ['time-out', 'suspend', 'logout', 'normal', '']],
                'cmi.entry' => $entry,
                'cmi.score.scaled' => ['real', -1, 1, false],
                'cmi.score.raw' => ['real', null, null, false],
                'cmi.score.min' => ['real', null, null, false],
                'cmi.score.max' => ['real', null, null, false],
                'cmi.progress_measure' => ['real', 0, 1, false],
                'cmi.session_time' => ['timeinterval'],
            ],
        ];
    }

    /**
     * Why $value may not be stored in $element of a $version activity, or null when it may.
     *
     * @param string $version '1.2' or '2004'
     * @param string $element SCORM element name
     * @param string $value
     * @return string|null
     */
    public static function refusal(string $version, string $element, string $value): ?string {
        $type = self::rules()[$version][$element] ?? null;
        if ($type === null || self::accepts($type, $value)) {
            return null;
        }
        return json_encode($value) . " is not a valid $element: it must be " . self::describe($type);
    }

    /**
     * True when $value is of $type.
     *
     * @param array $type
     * @param string $value
     * @return bool
     */
    private static function accepts(array $type, string $value): bool {
        switch ($type[0]) {
            case 'vocabulary':
                return in_array($value, $type[1], true);
            case 'real':
                [, $min, $max, $blank] = $type;
                if ($value === '') {
                    return $blank;
                }
                return preg_match(self::DECIMAL, $value) === 1
                    && ($min === null || (float) $value >= $min) && ($max === null || (float) $value <= $max);
            case 'timespan':
                return durations::is_timespan($value);
            default:
                return durations::is_timeinterval($value);
        }
    }

    /**
     * What a value of $type looks like, for the reason.
     *
     * @param array $type
     * @return string
     */
    private static function describe(array $type): string {
        switch ($type[0]) {
            case 'vocabulary':
                return 'one of ' . implode(', ', array_map('json_encode', $type[1]));
            case 'real':
                [, $min, $max, $blank] = $type;
                return 'a decimal number' . ($min === null ? '' : " in $min..$max") . ($blank ? ' or ""' : '');
            case 'timespan':
                return 'a CMITimespan HHHH:MM:SS.SS';
            default:
                return 'a timeinterval P[nY][nM][nD][T[nH][nM][n[.n]S]]';
        }
    }
}
