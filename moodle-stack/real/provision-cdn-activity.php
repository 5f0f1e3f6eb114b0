<?php
// Provisions, in a real Moodle, a course with two enrolled learners and a CDN URL activity made by mod_scorm from
// the manifest URL given (the "external" type, so mod_scorm parses the SCOs), as the activity form would with
// local_externalscormbridge's CDN URL field. Prints the ids and the learners' credentials as JSON.
//
// Usage: php provision-cdn-activity.php <moodle dir> <imsmanifest.xml URL>

define('CLI_SCRIPT', true);
if ($argc !== 3) {
    fwrite(STDERR, "usage: php provision-cdn-activity.php <moodle dir> <imsmanifest.xml URL>\n");
    exit(2);
}
require(rtrim($argv[1], '/') . '/config.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->dirroot . '/mod/scorm/lib.php');
require_once($CFG->dirroot . '/mod/scorm/locallib.php');
require_once($CFG->libdir . '/externallib.php');
require_once($CFG->libdir . '/enrollib.php');

$manifesturl = $argv[2];
$suffix = substr(md5(uniqid('', true)), 0, 8);
\core\session\manager::set_user(get_admin());

$course = create_course((object) ['fullname' => "ESB $suffix", 'shortname' => "esb$suffix", 'category' => 1]);
$learner = create_user_record("learner$suffix", 'Learner-1!');
$other = create_user_record("other$suffix", 'Other-1!');
foreach ([$learner, $other] as $user) {
    // A complete profile, or require_login() answers usernotfullysetup.
    $user->firstname = 'Sam';
    $user->lastname = ucfirst(substr($user->username, 0, -8));
    $user->email = $user->username . '@example.invalid';
    $DB->update_record('user', $user);
}
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
    'introeditor' => ['text' => '', 'format' => FORMAT_HTML, 'itemid' => 0],
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
$scoes = $DB->get_fieldset_select('scorm_scoes', 'id', "scorm = ? AND launch <> ''", [$moduleinfo->instance]);
echo json_encode([
    'courseid' => (int) $course->id,
    'cmid' => (int) $moduleinfo->coursemodule,
    'scormid' => (int) $moduleinfo->instance,
    'scoids' => array_map('intval', $scoes),
    'learner' => ['id' => (int) $learner->id, 'username' => $learner->username, 'password' => 'Learner-1!'],
    'other' => ['id' => (int) $other->id, 'username' => $other->username, 'password' => 'Other-1!'],
    'lastlogid' => (int) $DB->get_field_sql('SELECT COALESCE(MAX(id), 0) FROM {logstore_standard_log}'),
], JSON_UNESCAPED_SLASHES), "\n";
