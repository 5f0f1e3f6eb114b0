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
 * The plugin's download of an activity's tracking (moodle-scorm-contract §6): mod_scorm's report columns Name,
 * Username, Attempt, Started on, Last accessed on, then one row per stored track with its SCO's manifest
 * identifier, the element as mod_scorm stores it and the value, opened where it is encrypted at rest. Written
 * tab-separated as fputcsv does with a tab and '"' (quotes always doubled). The Moodle twin writes the same file.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class track_export {
    /** @var string[] The header row. */
    const COLUMNS = ['Name', 'Username', 'Attempt', 'Started on', 'Last accessed on', 'SCO', 'Element', 'Value'];

    /**
     * Every stored track of the activity, one row each.
     *
     * @param int $scormid
     * @return array[] rows of strings
     * @throws \moodle_exception encryption_decryptfailed or encryption_keynotfound when a value cannot be opened
     */
    public static function rows(int $scormid): array {
        global $DB;
        if (tracks::has_attempt_table()) {
            $sql = "SELECT v.id, a.userid, a.attempt, v.scoid, e.element, v.value, v.timemodified
                      FROM {scorm_scoes_value} v
                      JOIN {scorm_attempt} a ON a.id = v.attemptid
                      JOIN {scorm_element} e ON e.id = v.elementid
                     WHERE a.scormid = :scormid";
        } else {
            $sql = "SELECT id, userid, attempt, scoid, element, value, timemodified
                      FROM {scorm_scoes_track}
                     WHERE scormid = :scormid";
        }
        $tracks = $DB->get_records_sql("SELECT t.*, u.username, u.firstname, u.lastname, s.identifier, s.sortorder
                                          FROM ($sql) t
                                          JOIN {user} u ON u.id = t.userid
                                          JOIN {scorm_scoes} s ON s.id = t.scoid
                                      ORDER BY u.lastname, u.firstname, t.userid, t.attempt, s.sortorder, t.scoid, t.id",
            ['scormid' => $scormid]);
        $span = [];
        foreach ($tracks as $t) {
            $key = $t->userid . ':' . $t->attempt;
            $span[$key] = [min($span[$key][0] ?? PHP_INT_MAX, (int) $t->timemodified),
                max($span[$key][1] ?? 0, (int) $t->timemodified)];
        }
        $rows = [];
        foreach ($tracks as $t) {
            [$first, $last] = $span[$t->userid . ':' . $t->attempt];
            $rows[] = [trim($t->firstname . ' ' . $t->lastname), $t->username, (string) $t->attempt, userdate($first),
                userdate($last), $t->identifier, $t->element, sealed_values::open((string) $t->value)];
        }
        return $rows;
    }

    /**
     * The header and rows, tab-separated.
     *
     * @param array[] $rows
     * @return string
     */
    public static function tab_separated(array $rows): string {
        $handle = fopen('php://temp', 'w+');
        foreach (array_merge([self::COLUMNS], $rows) as $row) {
            fputcsv($handle, $row, "\t", '"', '');
        }
        rewind($handle);
        $text = stream_get_contents($handle);
        fclose($handle);
        return $text;
    }
}
