<?php
// Exercises the installed plugin's LMS API inside a real Moodle, the way the bridge calls it through core/ajax
// (external_api::call_external_function with ajax on): provisions a course, a learner and a CDN URL activity from
// the manifest URL given, then runs launch, commit (with a duplicate and an out-of-order op), a terminate, and a
// commit with another user's launch id. Prints each answer and what Moodle stored, as JSON; judging is the
// caller's job.
//
// Usage: php lms-api-exercise.php <moodle dir> <imsmanifest.xml URL>

define('CLI_SCRIPT', true);
if ($argc !== 3) {
    fwrite(STDERR, "usage: php lms-api-exercise.php <moodle dir> <imsmanifest.xml URL>\n");
    exit(2);
}
require(rtrim($argv[1], '/') . '/config.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->dirroot . '/mod/scorm/lib.php');
require_once($CFG->libdir . '/externallib.php');
require_once($CFG->libdir . '/enrollib.php');

$manifesturl = $argv[2];
$suffix = substr(md5(uniqid('', true)), 0, 8);
\core\session\manager::set_user(get_admin());

$course = create_course((object) ['fullname' => "ESB $suffix", 'shortname' => "esb$suffix", 'category' => 1]);
$learner = create_user_record("learner$suffix", 'Learner-1!');
$other = create_user_record("other$suffix", 'Other-1!');
$manual = enrol_get_plugin('manual');
$instance = $DB->get_record('enrol', ['courseid' => $course->id, 'enrol' => 'manual'], '*', MUST_EXIST);
$studentrole = $DB->get_field('role', 'id', ['shortname' => 'student'], MUST_EXIST);
$manual->enrol_user($instance, $learner->id, $studentrole);
$manual->enrol_user($instance, $other->id, $studentrole);

$moduleinfo = (object) [
    'modulename' => 'scorm',
    'module' => $DB->get_field('modules', 'id', ['name' => 'scorm'], MUST_EXIST),
    'course' => $course->id,
    'section' => 0,
    'visible' => 1,
    'name' => "CDN activity $suffix",
    'intro' => '',
    'introformat' => FORMAT_HTML,
    'scormtype' => SCORM_TYPE_EXTERNAL,
    'packageurl' => $manifesturl,
    'local_externalscormbridge_cdnurl' => $manifesturl,
    'grademethod' => GRADEHIGHEST,
    'whatgrade' => HIGHESTATTEMPT,
    'maxgrade' => 100,
    'maxattempt' => 0,
    'popup' => 0,
    'width' => 100,
    'height' => 500,
    'cmidnumber' => '',
];
$moduleinfo = create_module($moduleinfo);
$scoes = array_values($DB->get_records_select('scorm_scoes', "scorm = ? AND launch <> ''", [$moduleinfo->instance],
    'sortorder, id'));

$call = function(string $method, array $args): array {
    $answer = external_api::call_external_function($method, $args, true);
    return $answer['error'] ? ['error' => true, 'errorcode' => $answer['exception']->errorcode,
        'message' => $answer['exception']->message] : ['error' => false, 'data' => $answer['data']];
};

$firstlog = (int) $DB->get_field_sql('SELECT COALESCE(MAX(id), 0) FROM {logstore_standard_log}');
\core\session\manager::set_user($learner);
$launch = $call('local_externalscormbridge_launch', ['cmid' => $moduleinfo->coursemodule, 'scoid' => $scoes[0]->id]);
$launchid = $launch['data']['launchid'] ?? '';
$version = $launch['data']['version'] ?? '';
$status = $version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
$score = $version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw';
$commits = [];
$commits[] = $call('local_externalscormbridge_commit', ['launchid' => $launchid, 'ops' => [
    ['seq' => 2, 'element' => $score, 'value' => '80'],
    ['seq' => 1, 'element' => $status, 'value' => 'incomplete'],
    ['seq' => 4, 'element' => 'cmi.suspend_data', 'value' => 'ahead'],
], 'terminate' => false]);
$commits[] = $call('local_externalscormbridge_commit', ['launchid' => $launchid, 'ops' => [
    ['seq' => 2, 'element' => $score, 'value' => '80'],
    ['seq' => 3, 'element' => $status, 'value' => 'completed'],
], 'terminate' => true]);
\core\session\manager::set_user($other);
$stolen = $call('local_externalscormbridge_commit', ['launchid' => $launchid, 'ops' => [], 'terminate' => false]);
$unknownsco = $call('local_externalscormbridge_launch', ['cmid' => $moduleinfo->coursemodule, 'scoid' => 999999999]);

$tracks = $DB->get_records_sql("SELECT v.id, e.element, v.value
                                  FROM {scorm_scoes_value} v
                                  JOIN {scorm_attempt} a ON a.id = v.attemptid
                                  JOIN {scorm_element} e ON e.id = v.elementid
                                 WHERE a.scormid = ? AND a.userid = ?
                              ORDER BY v.id", [$moduleinfo->instance, $learner->id]);
$grade = grade_get_grades($course->id, 'mod', 'scorm', $moduleinfo->instance, $learner->id);
$events = $DB->get_records_select('logstore_standard_log', 'id > ?', [$firstlog], 'id',
    'id, eventname, userid, contextinstanceid, other');
echo json_encode([
    'cmid' => (int) $moduleinfo->coursemodule,
    'scoes' => count($scoes),
    'launch' => $launch,
    'commits' => $commits,
    'stolen' => $stolen,
    'unknownsco' => $unknownsco,
    'tracks' => array_values(array_map(function($t) {
        return ['element' => $t->element, 'value' => $t->value];
    }, $tracks)),
    'grade' => $grade->items[0]->grades[$learner->id]->grade ?? null,
    'events' => array_values(array_map(function($e) {
        return ['eventname' => $e->eventname, 'userid' => (int) $e->userid, 'other' => json_decode($e->other ?? 'null')];
    }, $events)),
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
