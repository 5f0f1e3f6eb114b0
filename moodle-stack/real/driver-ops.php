<?php
// The Moodle driver's writes in a real Moodle (harness/lms-driver/moodle-driver.ts), through Moodle's own APIs so
// that caches and sessions see them: a JSON array of operations on stdin, run in order in one PHP boot, one JSON
// answer per operation on stdout ({"ok": value} or {"error": code, "reason": text}); an operation that fails does
// not stop the next ones.
//
// Usage: php driver-ops.php <moodle dir> < operations.json

define('CLI_SCRIPT', true);
if ($argc !== 2) {
    fwrite(STDERR, "usage: php driver-ops.php <moodle dir> < operations.json\n");
    exit(2);
}
require(rtrim($argv[1], '/') . '/config.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->dirroot . '/mod/scorm/lib.php');
require_once($CFG->dirroot . '/mod/scorm/locallib.php');
require_once($CFG->libdir . '/enrollib.php');
require_once($CFG->libdir . '/accesslib.php');

use local_externalscormbridge\local\bridge_config;
use local_externalscormbridge\local\cdn_url_check;
use local_externalscormbridge\local\cdn_whitelist;
use local_externalscormbridge\local\sealed_values;

/** A refusal the driver turns into an error with its code. */
class esb_refusal extends Exception {
    /** @var string */
    public $code2;
    public function __construct(string $code, string $reason) {
        parent::__construct($reason);
        $this->code2 = $code;
    }
}

\core\session\manager::set_user(get_admin());

function esb_role(string $shortname): int {
    global $DB;
    return (int) $DB->get_field('role', 'id', ['shortname' => $shortname], MUST_EXIST);
}

function esb_manual_instance(int $courseid): stdClass {
    global $DB;
    return $DB->get_record('enrol', ['courseid' => $courseid, 'enrol' => 'manual'], '*', MUST_EXIST);
}

function esb_create_course(array $a): int {
    $suffix = substr(md5(uniqid('', true)), 0, 10);
    $course = create_course((object) ['fullname' => $a['fullname'], 'shortname' => "esb$suffix", 'category' => 1,
        'enablecompletion' => 1]);
    return (int) $course->id;
}

function esb_create_user(array $a): int {
    global $DB;
    $user = create_user_record($a['username'], $a['password']);
    $user->firstname = $a['firstname'];
    $user->lastname = $a['lastname'];
    $user->email = $a['username'] . '@example.invalid';
    $DB->update_record('user', $user);
    return (int) $user->id;
}

function esb_enrol(array $a): bool {
    enrol_get_plugin('manual')->enrol_user(esb_manual_instance($a['courseid']), $a['userid'], esb_role($a['role']));
    return true;
}

function esb_suspend(array $a): bool {
    enrol_get_plugin('manual')->update_user_enrol(esb_manual_instance($a['courseid']), $a['userid'],
        $a['suspended'] ? ENROL_USER_SUSPENDED : ENROL_USER_ACTIVE);
    return true;
}

function esb_unenrol(array $a): bool {
    enrol_get_plugin('manual')->unenrol_user(esb_manual_instance($a['courseid']), $a['userid']);
    return true;
}

function esb_guest(array $a): int {
    global $DB, $CFG;
    set_config('guestloginbutton', 1);
    $plugin = enrol_get_plugin('guest');
    $instance = $DB->get_record('enrol', ['courseid' => $a['courseid'], 'enrol' => 'guest']);
    if (!$instance) {
        $id = $plugin->add_instance(get_course($a['courseid']), ['status' => ENROL_INSTANCE_ENABLED]);
        $instance = $DB->get_record('enrol', ['id' => $id], '*', MUST_EXIST);
    }
    $plugin->update_status($instance, ENROL_INSTANCE_ENABLED);
    $guest = guest_user();
    // The guest signs in through the login form with this password (as "Log in as a guest" does with "guest").
    update_internal_user_password($guest, $a['password']);
    return (int) $CFG->siteguest;
}

function esb_override(array $a): bool {
    $permissions = ['inherit' => CAP_INHERIT, 'allow' => CAP_ALLOW, 'prevent' => CAP_PREVENT,
        'prohibit' => CAP_PROHIBIT];
    $context = context_module::instance($a['cmid']);
    if ($a['permission'] === 'inherit') {
        unassign_capability($a['capability'], esb_role($a['role']), $context->id);
    } else {
        assign_capability($a['capability'], $permissions[$a['permission']], esb_role($a['role']), $context->id, true);
    }
    $context->mark_dirty();
    return true;
}

function esb_create_activity(array $a): array {
    global $DB;
    $refusal = cdn_url_check::refusal($a['manifesturl']);
    if ($refusal !== null) {
        throw new esb_refusal($refusal['code'], $refusal['reason']);
    }
    $settings = $a['settings'];
    $hascompletionrule = isset($settings['completionstatusrequired']) || isset($settings['completionscorerequired']);
    $moduleinfo = (object) array_merge([
        'modulename' => 'scorm',
        'module' => $DB->get_field('modules', 'id', ['name' => 'scorm'], MUST_EXIST),
        'course' => $a['courseid'],
        'section' => 0,
        'visible' => 1,
        'name' => $a['name'],
        'introeditor' => ['text' => '', 'format' => FORMAT_HTML, 'itemid' => 0],
        'scormtype' => SCORM_TYPE_EXTERNAL,
        'packageurl' => $a['manifesturl'],
        'local_externalscormbridge_cdnurl' => $a['manifesturl'],
        'grademethod' => GRADEHIGHEST,
        'whatgrade' => HIGHESTATTEMPT,
        'maxgrade' => 100,
        'maxattempt' => 0,
        'popup' => 0,
        'width' => 100,
        'height' => 500,
        'cmidnumber' => '',
        'completion' => $hascompletionrule ? COMPLETION_TRACKING_AUTOMATIC : COMPLETION_TRACKING_NONE,
    ], array_filter($settings, function($v) {
        return $v !== null;
    }));
    $moduleinfo = create_module($moduleinfo);
    $scorm = $DB->get_record('scorm', ['id' => $moduleinfo->instance], 'id, version', MUST_EXIST);
    $scoes = $DB->get_records_select('scorm_scoes', "scorm = ? AND launch <> ''", [$scorm->id], 'sortorder, id',
        'id, identifier, launch, scormtype');
    return [
        'cmid' => (int) $moduleinfo->coursemodule,
        'scormid' => (int) $scorm->id,
        'version' => $scorm->version,
        'scoes' => array_values(array_map(function($s) {
            return ['id' => (int) $s->id, 'identifier' => $s->identifier, 'launch' => $s->launch,
                'scormtype' => $s->scormtype];
        }, $scoes)),
    ];
}

/** The bridge settings as the admin form saves them: every value checked first, then all of them saved. */
function esb_bridge_settings(array $a): bool {
    $component = 'local_externalscormbridge';
    $values = ['retryschedulems' => null, 'cdnwhitelist' => null, 'debug' => null];
    foreach (array_keys(bridge_config::NUMBERS) as $name) {
        $values[strtolower($name)] = null;
    }
    foreach ($a['settings'] as $name => $value) {
        if ($name === 'retryScheduleMs') {
            $text = is_array($value) ? implode(',', $value) : (string) $value;
            if (($why = bridge_config::retry_schedule_error($text)) !== null) {
                throw new esb_refusal('retryScheduleMs', $why);
            }
            $values['retryschedulems'] = $text;
        } else if ($name === 'cdnWhitelist') {
            $text = is_array($value) ? implode("\n", $value) : (string) $value;
            if ($invalid = cdn_whitelist::invalid_entries($text)) {
                throw new esb_refusal('cdnWhitelist', get_string('errwhitelist', $component, s(implode(', ', $invalid))));
            }
            $values['cdnwhitelist'] = $text;
        } else if ($name === 'debug') {
            $values['debug'] = $value ? '1' : '0';
        } else if (isset(bridge_config::NUMBERS[$name])) {
            [, $min, $max] = bridge_config::NUMBERS[$name];
            if (!is_numeric($value) || (float) $value < $min || (float) $value > $max) {
                throw new esb_refusal($name, get_string('errrange', $component, (object) ['min' => $min, 'max' => $max]));
            }
            $values[strtolower($name)] = (string) $value;
        } else {
            throw new esb_refusal($name, "the plugin has no setting $name");
        }
    }
    foreach ($values as $key => $value) {
        if ($value === null) {
            unset_config($key, $component);
        } else {
            set_config($key, $value, $component);
        }
    }
    return true;
}

function esb_at_rest(array $a): bool {
    $sensitive = implode("\n", $a['sensitiveElements'] ?? []);
    if (($why = sealed_values::sensitive_elements_error($sensitive)) !== null) {
        throw new esb_refusal('sensitiveElements', $why);
    }
    set_config('encryptatrest', $a['encrypt'] ? 1 : 0, 'local_externalscormbridge');
    set_config('sensitiveelements', $sensitive, 'local_externalscormbridge');
    return true;
}

function esb_expire_sessions(array $a): bool {
    \core\session\manager::kill_user_sessions($a['userid']);
    return true;
}

/** Runs $action as the user $userid (their capabilities), then as the admin again. */
function esb_as_user(int $userid, callable $action) {
    \core\session\manager::set_user(core_user::get_user($userid, '*', MUST_EXIST));
    try {
        return $action();
    } finally {
        \core\session\manager::set_user(get_admin());
    }
}

/**
 * The report's delete action as the teacher signed in on the page: scorm_delete_responses over "userid:attempt"
 * of every attempt of one learner (userid) or of everyone, after mod/scorm:deleteresponses.
 */
function esb_delete_attempts(array $a): int {
    global $DB;
    $cm = get_coursemodule_from_id('scorm', $a['cmid'], 0, false, MUST_EXIST);
    return esb_as_user($a['actorid'], function() use ($DB, $cm, $a) {
        require_capability('mod/scorm:deleteresponses', context_module::instance($cm->id));
        $scorm = $DB->get_record('scorm', ['id' => $cm->instance], '*', MUST_EXIST);
        $params = ['scormid' => $scorm->id] + (isset($a['userid']) ? ['userid' => $a['userid']] : []);
        $table = function_exists('scorm_get_attempt') ? 'scorm_attempt' : 'scorm_scoes_track';
        $keys = [];
        foreach ($DB->get_recordset($table, $params, '', 'id, userid, attempt') as $row) {
            $keys[$row->userid . ':' . $row->attempt] = true;
        }
        $keys = array_keys($keys);
        if ($keys && !scorm_delete_responses($keys, $scorm)) {
            throw new esb_refusal('deletefailed', 'scorm_delete_responses failed');
        }
        return count($keys);
    });
}

/**
 * Course reset as the teacher signed in on the page (moodle/course:reset): reset_course_userdata with "All SCORM
 * attempts" (scorm_reset_userdata, its grades by scorm_reset_gradebook) and the course's completion data ticked.
 */
function esb_reset_course(array $a): bool {
    return esb_as_user($a['actorid'], function() use ($a) {
        require_capability('moodle/course:reset', context_course::instance($a['courseid']));
        reset_course_userdata((object) ['id' => $a['courseid'], 'reset_scorm' => 1, 'reset_completion' => 1]);
        return true;
    });
}

$operations = json_decode(stream_get_contents(STDIN), true);
if (!is_array($operations)) {
    fwrite(STDERR, "driver-ops: stdin is not a JSON array of operations\n");
    exit(2);
}
$handlers = [
    'createCourse' => 'esb_create_course', 'createUser' => 'esb_create_user', 'enrol' => 'esb_enrol',
    'suspendEnrolment' => 'esb_suspend', 'unenrol' => 'esb_unenrol', 'guestUser' => 'esb_guest',
    'overrideCapability' => 'esb_override', 'createCdnActivity' => 'esb_create_activity',
    'setBridgeSettings' => 'esb_bridge_settings', 'setEncryptionAtRest' => 'esb_at_rest',
    'expireSessions' => 'esb_expire_sessions', 'deleteAttempts' => 'esb_delete_attempts',
    'resetCourse' => 'esb_reset_course',
];
$answers = [];
foreach ($operations as $operation) {
    $handler = $handlers[$operation['op'] ?? ''] ?? null;
    try {
        if ($handler === null) {
            throw new esb_refusal('unknown-operation', 'driver-ops has no operation ' . ($operation['op'] ?? '?'));
        }
        $answers[] = ['ok' => $handler($operation)];
    } catch (esb_refusal $e) {
        $answers[] = ['error' => $e->code2, 'reason' => $e->getMessage()];
    } catch (Throwable $e) {
        $answers[] = ['error' => 'exception', 'reason' => get_class($e) . ': ' . $e->getMessage() .
            (isset($e->debuginfo) ? " ({$e->debuginfo})" : '')];
    }
}
echo json_encode($answers, JSON_UNESCAPED_SLASHES), "\n";
