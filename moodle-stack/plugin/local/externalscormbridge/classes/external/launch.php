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

namespace local_externalscormbridge\external;

defined('MOODLE_INTERNAL') || die();

global $CFG;
require_once($CFG->libdir . '/externallib.php');
require_once($CFG->dirroot . '/mod/scorm/locallib.php');

use context_module;
use external_api;
use external_function_parameters;
use external_multiple_structure;
use external_single_structure;
use external_value;
use moodle_exception;
use local_externalscormbridge\local\access_rules;
use local_externalscormbridge\local\bridge_config;
use local_externalscormbridge\local\cdn_whitelist;
use local_externalscormbridge\local\launch_seed;
use local_externalscormbridge\local\refusal_log;
use local_externalscormbridge\local\tracks;
use local_externalscormbridge\local\wire_text;

/**
 * local_externalscormbridge_launch: the seed snapshot, launch id, nonce and CDN origin for one SCO.
 *
 * Same contract as the Moodle twin's LMS API (moodle-stack/twin/lms-api.ts).
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class launch extends external_api {
    use logged_parameter_validation;

    /** @var string The web service name. */
    const METHOD = 'local_externalscormbridge_launch';

    /**
     * Parameters: the course module and the SCO.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'cmid' => new external_value(PARAM_INT, 'Course module id of the SCORM activity'),
            'scoid' => new external_value(PARAM_INT, 'scorm_scoes.id of the SCO to launch'),
        ]);
    }

    /**
     * Starts a launch.
     *
     * @param int $cmid
     * @param int $scoid
     * @return array
     */
    public static function execute(int $cmid, int $scoid): array {
        try {
            return self::launch($cmid, $scoid);
        } catch (\Throwable $e) {
            self::log_refusal($e, refusal_log::context_of_cmid($cmid));
            throw $e;
        }
    }

    /**
     * The launch itself; any exception is a refusal.
     *
     * @param int $cmid
     * @param int $scoid
     * @return array
     */
    private static function launch(int $cmid, int $scoid): array {
        global $DB, $USER;
        ['cmid' => $cmid, 'scoid' => $scoid] = self::validate_parameters(self::execute_parameters(),
            ['cmid' => $cmid, 'scoid' => $scoid]);
        if ($cmid <= 0) {
            throw new \invalid_parameter_exception('Invalid cmid');
        }
        if ($scoid <= 0) {
            throw new \invalid_parameter_exception('Invalid scoid');
        }
        $cm = get_coursemodule_from_id('scorm', $cmid);
        $external = $cm ? $DB->get_record('local_externalscormbridge', ['scormid' => $cm->instance]) : false;
        if (!$cm || !$external) {
            throw new moodle_exception('invalidrecord', 'error', '', 'No external SCORM activity with that course module id');
        }
        $context = context_module::instance($cm->id);
        access_rules::require_activity_access($cm, $context, 'local/externalscormbridge:launch');
        self::validate_context($context);

        $scorm = $DB->get_record('scorm', ['id' => $cm->instance], '*', MUST_EXIST);
        $sco = $DB->get_record('scorm_scoes', ['id' => $scoid, 'scorm' => $scorm->id]);
        if (!$sco || $sco->launch === '') {
            throw new moodle_exception('invalidrecord', 'error', '', 'That SCO does not belong to this activity');
        }
        $config = bridge_config::get();
        $cdnorigin = cdn_whitelist::origin($external->cdnurl);
        if (!cdn_whitelist::allows($external->cdnurl, $config['cdnWhitelist'])) {
            throw new moodle_exception('cdnnotallowed', 'local_externalscormbridge', '', $cdnorigin);
        }

        $version = $scorm->version === 'SCORM_1.2' ? '1.2' : '2004';
        $attempt = scorm_get_last_attempt($scorm->id, $USER->id);
        $attemptid = tracks::attempt_id($USER->id, $scorm->id, $attempt);
        $stored = tracks::opened_values($USER->id, $scorm->id, $sco->id, $attempt, $version, $context);
        $seed = launch_seed::build($version, $USER, $stored, tracks::sco_data($sco->id));
        $totalelement = $version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time';
        $seedtotaltime = '';
        foreach ($seed as $row) {
            if ($row['element'] === $totalelement) {
                $seedtotaltime = $row['value'];
            }
        }
        $launchid = self::random_token(18);
        $nonce = self::random_token(24);
        $DB->insert_record('local_extscormbridge_launch', (object) [
            'launchid' => $launchid,
            'userid' => $USER->id,
            'scormid' => $scorm->id,
            'scoid' => $sco->id,
            'attemptid' => $attemptid,
            'attempt' => $attempt,
            'nonce' => $nonce,
            'seedtotaltime' => $seedtotaltime,
            'timecreated' => time(),
        ]);
        $scourl = cdn_whitelist::resolve($sco->launch, $external->cdnurl);
        \mod_scorm\event\sco_launched::create([
            'objectid' => $sco->id,
            'context' => $context,
            'other' => ['instanceid' => $scorm->id, 'loadedcontent' => $scourl],
        ])->trigger();

        $toc = [];
        foreach ($DB->get_records('scorm_scoes', ['scorm' => $scorm->id], 'sortorder, id') as $entry) {
            if ($entry->launch !== '') {
                $toc[] = ['scoid' => (int) $entry->id, 'identifier' => $entry->identifier, 'title' => $entry->title];
            }
        }
        return [
            'launchid' => $launchid,
            'nonce' => $nonce,
            'attempt' => (int) $attempt,
            'version' => $version,
            'cdnorigin' => $cdnorigin,
            'frameurl' => $cdnorigin . bridge_config::frame_path(),
            'scourl' => $scourl,
            'seed' => array_map(function(array $row): array {
                return ['element' => $row['element']] + wire_text::encode($row['value']);
            }, $seed),
            'config' => $config,
            'toc' => $toc,
        ];
    }

    /**
     * A URL-safe random token of $bytes random bytes.
     *
     * @param int $bytes
     * @return string
     */
    private static function random_token(int $bytes): string {
        return rtrim(strtr(base64_encode(random_bytes($bytes)), '+/', '-_'), '=');
    }

    /**
     * What launch answers.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        $pair = new external_single_structure([
            'element' => new external_value(PARAM_RAW, 'SCORM element name'),
            'value' => new external_value(PARAM_RAW, 'Value'),
            'enc' => new external_value(PARAM_ALPHA, 'u: the value is escaped (wire_text)', VALUE_OPTIONAL),
        ]);
        return new external_single_structure([
            'launchid' => new external_value(PARAM_ALPHANUMEXT, 'Launch id, a capability of this user'),
            'nonce' => new external_value(PARAM_ALPHANUMEXT, 'Nonce the frame must echo in its handshake'),
            'attempt' => new external_value(PARAM_INT, 'Attempt number'),
            'version' => new external_value(PARAM_RAW, '1.2 or 2004'),
            'cdnorigin' => new external_value(PARAM_RAW, 'Origin of the CDN'),
            'frameurl' => new external_value(PARAM_RAW, 'Bridge frame page on the CDN'),
            'scourl' => new external_value(PARAM_RAW, 'The SCO on the CDN'),
            'seed' => new external_multiple_structure($pair, 'Values to load before the SCO starts'),
            'config' => bridge_config::structure(),
            'toc' => new external_multiple_structure(new external_single_structure([
                'scoid' => new external_value(PARAM_INT, 'scorm_scoes.id'),
                'identifier' => new external_value(PARAM_RAW, 'Manifest identifier'),
                'title' => new external_value(PARAM_RAW, 'Title'),
            ]), 'Launchable SCOs in manifest order'),
        ]);
    }
}
