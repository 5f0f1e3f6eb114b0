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
 * The live dashboard of an activity for its teachers (mod/scorm:viewreport): each learner's latest attempt per SCO
 * with its status and score; dashboard.js keeps it current from dashboard_events.php without reloading (P26).
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

use local_externalscormbridge\local\dashboard_rows;

require(__DIR__ . '/../../config.php');

$id = required_param('id', PARAM_INT);
$cm = get_coursemodule_from_id('scorm', $id, 0, false, MUST_EXIST);
require_login($cm->course, false, $cm);
$context = context_module::instance($cm->id);
require_capability('mod/scorm:viewreport', $context);

$PAGE->set_url(new moodle_url('/local/externalscormbridge/dashboard.php', ['id' => $cm->id]));
$PAGE->set_context($context);
$PAGE->set_title(get_string('dashboard', 'local_externalscormbridge'));
$PAGE->set_heading(format_string(get_course($cm->course)->fullname));
$PAGE->requires->js(new moodle_url('/local/externalscormbridge/dashboard.js'));

$columns = ['fullname', 'username', 'sco', 'attempt', 'status', 'score'];
$head = '';
foreach ($columns as $column) {
    $head .= html_writer::tag('th', s(get_string('dashboard_' . $column, 'local_externalscormbridge')));
}
$body = '';
foreach (dashboard_rows::rows((int) $cm->instance) as $key => $row) {
    $cells = '';
    foreach ($columns as $column) {
        $cells .= html_writer::tag('td', s((string) $row[$column]), ['data-col' => $column]);
    }
    $body .= html_writer::tag('tr', $cells, ['data-key' => $key]);
}
$events = new moodle_url('/local/externalscormbridge/dashboard_events.php', ['id' => $cm->id]);

echo $OUTPUT->header();
echo $OUTPUT->heading(get_string('dashboard', 'local_externalscormbridge'));
echo html_writer::tag('table', html_writer::tag('thead', html_writer::tag('tr', $head)) . html_writer::tag('tbody', $body),
    ['id' => 'esb-dashboard', 'class' => 'generaltable', 'data-events' => $events->out(false)]);
echo $OUTPUT->footer();
