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
 * The activity's tracking download for its teachers (mod/scorm:viewreport): every stored track, values opened
 * where they are encrypted at rest (track_export). A value the site key cannot open refuses the whole download
 * with the encryption error's code, as an HTTP 500 page.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

use local_externalscormbridge\local\track_export;

require(__DIR__ . '/../../config.php');
require_once($CFG->dirroot . '/mod/scorm/locallib.php');

$id = required_param('id', PARAM_INT);
$cm = get_coursemodule_from_id('scorm', $id, 0, false, MUST_EXIST);
require_login($cm->course, false, $cm);
$context = context_module::instance($cm->id);
require_capability('mod/scorm:viewreport', $context);
$scorm = $DB->get_record('scorm', ['id' => $cm->instance], '*', MUST_EXIST);
$course = get_course($cm->course);

header('Cache-Control: no-store');
try {
    $rows = track_export::rows((int) $scorm->id);
} catch (moodle_exception $e) {
    http_response_code(500);
    header('Content-Type: text/html; charset=utf-8');
    echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>' . s(get_string('error')) .
        '</title></head><body><p role="alert">' . s($e->errorcode . ': ' . $e->getMessage()) . '</p></body></html>';
    die;
}
$filename = preg_replace('/[\\\\\/:*?"<>|\r\n]/', '_', $course->shortname . ' ' . $scorm->name . '.txt');
header('Content-Type: text/tab-separated-values; charset=utf-8');
header("Content-Disposition: attachment; filename*=UTF-8''" . rawurlencode($filename));
echo track_export::tab_separated($rows);
