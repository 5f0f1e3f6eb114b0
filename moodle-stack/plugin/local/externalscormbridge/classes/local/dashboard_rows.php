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
 * The live dashboard's rows (the twin's teacher-api.ts dashboardRows): each learner's latest attempt on each SCO
 * with its status (1.2 lesson_status; 2004 success_status when passed or failed, else completion_status) and raw
 * score, values opened where they are encrypted at rest. A value the site key cannot open leaves its row out (the
 * report says why), so the dashboard keeps what it showed.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class dashboard_rows {
    /** @var string[] The elements the dashboard reads. */
    const ELEMENTS = ['cmi.core.lesson_status', 'cmi.completion_status', 'cmi.success_status', 'cmi.core.score.raw',
        'cmi.score.raw'];

    /**
     * The rows keyed by "userid:scoid".
     *
     * @param int $scormid
     * @return array[] each with userid, username, fullname, attempt, scoid, sco, status, score
     */
    public static function rows(int $scormid): array {
        global $DB;
        $params = ['scormid' => $scormid];
        if (tracks::has_attempt_table()) {
            $sql = "SELECT v.id, a.userid, a.attempt, v.scoid, e.element, v.value
                      FROM {scorm_scoes_value} v
                      JOIN {scorm_attempt} a ON a.id = v.attemptid
                      JOIN {scorm_element} e ON e.id = v.elementid
                     WHERE a.scormid = :scormid";
        } else {
            $sql = "SELECT id, userid, attempt, scoid, element, value
                      FROM {scorm_scoes_track}
                     WHERE scormid = :scormid";
        }
        $tracks = $DB->get_records_sql("SELECT t.*, u.username, u.firstname, u.lastname, s.identifier
                                          FROM ($sql) t
                                          JOIN {user} u ON u.id = t.userid
                                          JOIN {scorm_scoes} s ON s.id = t.scoid
                                      ORDER BY u.lastname, u.firstname, t.userid, t.attempt, s.sortorder, t.scoid, t.id",
            $params);
        $last = [];
        foreach ($tracks as $t) {
            $last[$t->userid] = max($last[$t->userid] ?? 0, (int) $t->attempt);
        }
        $values = [];
        $rows = [];
        $unreadable = [];
        foreach ($tracks as $t) {
            if ((int) $t->attempt !== $last[$t->userid]) {
                continue;
            }
            $key = $t->userid . ':' . $t->scoid;
            if (in_array($t->element, self::ELEMENTS, true)) {
                try {
                    $values[$key][$t->element] = sealed_values::open((string) $t->value);
                } catch (\moodle_exception $e) {
                    $unreadable[$key] = true;
                }
            }
            $rows[$key] = ['userid' => (int) $t->userid, 'username' => $t->username,
                'fullname' => trim($t->firstname . ' ' . $t->lastname), 'attempt' => (int) $t->attempt,
                'scoid' => (int) $t->scoid, 'sco' => $t->identifier];
        }
        foreach ($rows as $key => $row) {
            if (isset($unreadable[$key])) {
                unset($rows[$key]);
                continue;
            }
            $v = $values[$key] ?? [];
            $success = $v['cmi.success_status'] ?? '';
            $status = $v['cmi.core.lesson_status'] ?? '';
            if ($success === 'passed' || $success === 'failed') {
                $status = $success;
            } else if ($status === '') {
                $status = $v['cmi.completion_status'] ?? '';
            }
            $rows[$key]['status'] = $status;
            $rows[$key]['score'] = $v['cmi.core.score.raw'] ?? ($v['cmi.score.raw'] ?? '');
        }
        return $rows;
    }
}
