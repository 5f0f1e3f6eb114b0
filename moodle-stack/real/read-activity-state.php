<?php
// Reads what a real Moodle stored for a learner in a SCORM activity: tracks (4.3+ schema, or 4.1's
// scorm_scoes_track), gradebook grade, and
// the log events after a given log id. Prints JSON.
//
// Usage: php read-activity-state.php <moodle dir> <scorm id> <user id> <after log id>

define('CLI_SCRIPT', true);
if ($argc !== 5) {
    fwrite(STDERR, "usage: php read-activity-state.php <moodle dir> <scorm id> <user id> <after log id>\n");
    exit(2);
}
require(rtrim($argv[1], '/') . '/config.php');
require_once($CFG->libdir . '/gradelib.php');
[, , $scormid, $userid, $afterlog] = array_map('intval', $argv);

if ($DB->get_manager()->table_exists('scorm_scoes_track')) {
    // Moodle 4.1 and 4.2: one row per element in scorm_scoes_track.
    $tracks = $DB->get_records_sql("SELECT id, element, value
                                      FROM {scorm_scoes_track}
                                     WHERE scormid = ? AND userid = ?
                                  ORDER BY id", [$scormid, $userid]);
} else {
    $tracks = $DB->get_records_sql("SELECT v.id, e.element, v.value
                                      FROM {scorm_scoes_value} v
                                      JOIN {scorm_attempt} a ON a.id = v.attemptid
                                      JOIN {scorm_element} e ON e.id = v.elementid
                                     WHERE a.scormid = ? AND a.userid = ?
                                  ORDER BY v.id", [$scormid, $userid]);
}
$courseid = $DB->get_field('scorm', 'course', ['id' => $scormid], MUST_EXIST);
$grades = grade_get_grades($courseid, 'mod', 'scorm', $scormid, $userid);
$events = $DB->get_records_select('logstore_standard_log', 'id > ?', [$afterlog], 'id',
    'id, eventname, userid, contextinstanceid, other');
echo json_encode([
    'tracks' => array_values(array_map(function($t) {
        return ['element' => $t->element, 'value' => $t->value];
    }, $tracks)),
    'grade' => $grades->items[0]->grades[$userid]->grade ?? null,
    'events' => array_values(array_map(function($e) {
        return ['eventname' => $e->eventname, 'userid' => (int) $e->userid, 'other' => json_decode($e->other ?? 'null')];
    }, $events)),
], JSON_UNESCAPED_SLASHES), "\n";
