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
 * What mod_scorm's player derives when a SCO finishes, done on the LMS side so that every bridge gets it: 1.2
 * "not attempted" becomes "completed", mastery override, total_time = total at launch + session_time; 2004
 * total_time likewise and completion_status from progress_measure and the completion threshold.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class finish_semantics {
    /**
     * The values to store, SCORM element names, as [element, value] pairs.
     *
     * @param string $version 1.2 or 2004
     * @param array $stored element => value of the SCO in this attempt
     * @param string $seedtotaltime total_time the launch started with
     * @param string $sessiontime last session_time of the launch
     * @param bool $masteryoverride scorm.masteryoverride
     * @param array $scodata scorm_scoes_data name => value
     * @return array[]
     */
    public static function values(string $version, array $stored, string $seedtotaltime, string $sessiontime,
            bool $masteryoverride, array $scodata): array {
        $out = [];
        if ($version === '1.2') {
            $status = $stored['cmi.core.lesson_status'] ?? 'not attempted';
            if ($status === 'not attempted') {
                $status = 'completed';
            }
            $raw = $stored['cmi.core.score.raw'] ?? '';
            $mastery = $scodata['masteryscore'] ?? '';
            if ($masteryoverride && $mastery !== '' && is_numeric($mastery) && $raw !== '') {
                $status = (float) $raw >= (float) $mastery ? 'passed' : 'failed';
            }
            if ($status !== ($stored['cmi.core.lesson_status'] ?? null)) {
                $out[] = ['cmi.core.lesson_status', $status];
            }
            $total = durations::parse_timespan($seedtotaltime) + durations::parse_timespan($sessiontime);
            $out[] = ['cmi.core.total_time', durations::format_timespan($total)];
            return $out;
        }
        $total = durations::parse_timeinterval($seedtotaltime) + durations::parse_timeinterval($sessiontime);
        $out[] = ['cmi.total_time', durations::format_timeinterval($total)];
        $threshold = ($scodata['threshold'] ?? '') ?: ($scodata['completionthreshold'] ?? '');
        $progress = $stored['cmi.progress_measure'] ?? '';
        if ($threshold !== '' && is_numeric($threshold) && $progress !== '') {
            $completion = (float) $progress >= (float) $threshold ? 'completed' : 'incomplete';
            if ($completion !== ($stored['cmi.completion_status'] ?? null)) {
                $out[] = ['cmi.completion_status', $completion];
            }
        }
        return $out;
    }
}
