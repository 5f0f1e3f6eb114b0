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
 * SCORM durations in centiseconds: 1.2 CMITimespan (HHHH:MM:SS.SS) and 2004 timeinterval (ISO 8601).
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class durations {
    /** @var string A 1.2 CMITimespan: hours 2-4 digits, minutes and seconds 00-59, 1-2 fraction digits. */
    const TIMESPAN = '/^(\d{2,4}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$/';

    /** @var string A 2004 timeinterval P[nY][nM][nD][T[nH][nM][n[.n]S]], at most 2 fraction digits. */
    const TIMEINTERVAL = '/^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,2}))?S)?)?$/';

    /**
     * True for a 1.2 CMITimespan.
     *
     * @param string $value
     * @return bool
     */
    public static function is_timespan(string $value): bool {
        return preg_match(self::TIMESPAN, $value) === 1;
    }

    /**
     * True for a 2004 timeinterval: at least one component, T only with a time component.
     *
     * @param string $value
     * @return bool
     */
    public static function is_timeinterval(string $value): bool {
        return $value !== 'P' && substr($value, -1) !== 'T' && preg_match(self::TIMEINTERVAL, $value) === 1;
    }

    /**
     * A 1.2 timespan as centiseconds; 0 when empty or invalid.
     *
     * @param string $value
     * @return int
     */
    public static function parse_timespan(string $value): int {
        if (!preg_match(self::TIMESPAN, $value, $m)) {
            return 0;
        }
        return (((int) $m[1] * 60 + (int) $m[2]) * 60 + (int) $m[3]) * 100 + self::fraction($m[4] ?? '');
    }

    /**
     * Centiseconds as mod_scorm stores a 1.2 timespan: HH:MM:SS.CC, always with the fraction.
     *
     * @param int $cs
     * @return string
     */
    public static function format_timespan(int $cs): string {
        $cs = min($cs, 999999999);
        return sprintf('%02d:%02d:%02d.%02d', intdiv($cs, 360000), intdiv($cs % 360000, 6000),
            intdiv($cs % 6000, 100), $cs % 100);
    }

    /**
     * A 2004 timeinterval as centiseconds (years 365 days, months 30); 0 when empty or invalid.
     *
     * @param string $value
     * @return int
     */
    public static function parse_timeinterval(string $value): int {
        if (!self::is_timeinterval($value) || !preg_match(self::TIMEINTERVAL, $value, $m)) {
            return 0;
        }
        $units = [1 => 3153600000, 2 => 259200000, 3 => 8640000, 4 => 360000, 5 => 6000, 6 => 100];
        $total = self::fraction($m[7] ?? '');
        foreach ($units as $index => $unit) {
            $total += (int) ($m[$index] ?? 0) * $unit;
        }
        return $total;
    }

    /**
     * Centiseconds as a canonical timeinterval PT[nH][nM][n[.n]S]; PT0S for zero.
     *
     * @param int $cs
     * @return string
     */
    public static function format_timeinterval(int $cs): string {
        if ($cs <= 0) {
            return 'PT0S';
        }
        $h = intdiv($cs, 360000);
        $min = intdiv($cs % 360000, 6000);
        $s = intdiv($cs % 6000, 100);
        $frac = $cs % 100;
        $seconds = $frac ? $s . '.' . rtrim(sprintf('%02d', $frac), '0') . 'S' : ($s ? $s . 'S' : '');
        return 'PT' . ($h ? $h . 'H' : '') . ($min ? $min . 'M' : '') . $seconds;
    }

    /**
     * "5" is 50 centiseconds, "05" is 5.
     *
     * @param string $digits
     * @return int
     */
    private static function fraction(string $digits): int {
        return $digits === '' ? 0 : (int) str_pad($digits, 2, '0');
    }
}
