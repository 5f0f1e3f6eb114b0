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

/**
 * The live dashboard's event stream (Server-Sent Events) for teachers of the activity (mod/scorm:viewreport): on
 * connecting, every row; then, polling the tracks every 200 ms, each learner whose rows changed, as one "learner"
 * event {learnerid, rows}. The stream ends after 25 s and the browser reconnects (retry 500 ms), so a request never
 * holds a web server worker for long; the session is released at once so the teacher's other pages are not blocked.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

use local_externalscormbridge\local\dashboard_rows;

define('NO_OUTPUT_BUFFERING', true);

require(__DIR__ . '/../../config.php');

$id = required_param('id', PARAM_INT);
$cm = get_coursemodule_from_id('scorm', $id, 0, false, MUST_EXIST);
require_login($cm->course, false, $cm, false, true);
require_capability('mod/scorm:viewreport', context_module::instance($cm->id));
\core\session\manager::write_close();

header('Content-Type: text/event-stream; charset=utf-8');
header('Cache-Control: no-store');
header('X-Accel-Buffering: no');
while (ob_get_level() > 0) {
    ob_end_flush();
}
echo "retry: 500\n: connected\n\n";
flush();

$sent = [];
$deadline = microtime(true) + 25;
$lastbeat = microtime(true);
while (microtime(true) < $deadline && !connection_aborted()) {
    $changed = [];
    foreach (dashboard_rows::rows((int) $cm->instance) as $key => $row) {
        $json = json_encode($row);
        if (($sent[$key] ?? null) !== $json) {
            $sent[$key] = $json;
            $changed[$row['userid']][] = $row;
        }
    }
    foreach ($changed as $userid => $rows) {
        echo "event: learner\ndata: " . json_encode(['learnerid' => $userid, 'rows' => $rows]) . "\n\n";
    }
    if ($changed || microtime(true) - $lastbeat > 2) {
        // A comment line now and then lets a closed connection be noticed.
        if (!$changed) {
            echo ": beat\n\n";
        }
        $lastbeat = microtime(true);
        flush();
    }
    usleep(200000);
}
