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
use local_externalscormbridge\local\finish_semantics;
use local_externalscormbridge\local\op_applier;
use local_externalscormbridge\local\refusal_log;
use local_externalscormbridge\local\tracks;
use local_externalscormbridge\local\value_rules;
use local_externalscormbridge\local\wire_text;

/**
 * local_externalscormbridge_commit: stores a launch's ordered ops through scorm_insert_track.
 *
 * Duplicates (retries, replays) are dropped, an op older than one already applied to the same element is
 * superseded, and the answer acknowledges the highest sequence number below which every op has been seen.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class commit extends external_api {
    use logged_parameter_validation;

    /** @var string The web service name. */
    const METHOD = 'local_externalscormbridge_commit';

    /** @var string The refusal event's errorcode for ops refused for their values. */
    const REJECTED_VALUE_ERRORCODE = 'invalidvalue';

    /**
     * Parameters: the launch, its ops and whether the SCO terminated.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'launchid' => new external_value(PARAM_ALPHANUMEXT, 'Launch id from launch'),
            'ops' => new external_multiple_structure(new external_single_structure([
                'seq' => new external_value(PARAM_INT, 'Sequence number, from 1'),
                'element' => new external_value(PARAM_RAW, 'SCORM element name'),
                'value' => new external_value(PARAM_RAW, 'Value'),
                'enc' => new external_value(PARAM_ALPHA, 'u: the value is escaped (wire_text)', VALUE_OPTIONAL),
            ]), 'Ops in any order'),
            'terminate' => new external_value(PARAM_BOOL, 'The SCO finished (Terminate / LMSFinish)', VALUE_DEFAULT, false),
        ]);
    }

    /**
     * Stores ops.
     *
     * @param string $launchid
     * @param array $ops
     * @param bool $terminate
     * @return array
     */
    public static function execute(string $launchid, array $ops, bool $terminate = false): array {
        try {
            return self::commit($launchid, $ops, $terminate);
        } catch (\Throwable $e) {
            self::log_refusal($e, refusal_log::context_of_launch($launchid));
            throw $e;
        }
    }

    /**
     * Each op as the protocol has it: an integer seq, and text element, value and (when present) enc.
     *
     * @param array $params the call's arguments as they arrived
     */
    protected static function require_json_types(array $params): void {
        foreach (is_array($params['ops'] ?? null) ? $params['ops'] : [] as $op) {
            if (!is_array($op) || !is_int($op['seq'] ?? null) || !is_string($op['element'] ?? null)
                    || !is_string($op['value'] ?? null) || (array_key_exists('enc', $op) && !is_string($op['enc']))) {
                throw new \invalid_parameter_exception('Malformed op');
            }
        }
    }

    /**
     * The commit itself; any exception is a refusal.
     *
     * @param string $launchid
     * @param array $ops
     * @param bool $terminate
     * @return array
     */
    private static function commit(string $launchid, array $ops, bool $terminate): array {
        global $DB, $USER;
        $params = self::validate_parameters(self::execute_parameters(),
            ['launchid' => $launchid, 'ops' => $ops, 'terminate' => $terminate]);
        $launch = $DB->get_record('local_extscormbridge_launch', ['launchid' => $params['launchid']]);
        if (!$launch || (int) $launch->userid !== (int) $USER->id) {
            throw new moodle_exception('invalidlaunch', 'local_externalscormbridge');
        }
        if (!tracks::attempt_exists($launch)) {
            throw new moodle_exception('attemptdeleted', 'local_externalscormbridge');
        }
        $scorm = $DB->get_record('scorm', ['id' => $launch->scormid], '*', MUST_EXIST);
        $cm = get_coursemodule_from_instance('scorm', $scorm->id, $scorm->course, false, MUST_EXIST);
        foreach ($params['ops'] as $i => $op) {
            $value = wire_text::decode($op['value'], $op['enc'] ?? null);
            if ($value === null) {
                throw new \invalid_parameter_exception('Malformed op');
            }
            $params['ops'][$i] = ['seq' => $op['seq'], 'element' => $op['element'], 'value' => $value];
            if (!op_applier::is_op($params['ops'][$i])) {
                throw new \invalid_parameter_exception('Malformed op');
            }
        }
        $context = context_module::instance($cm->id);
        access_rules::require_activity_access($cm, $context, 'mod/scorm:savetrack');
        self::validate_context($context);

        $version = $scorm->version === 'SCORM_1.2' ? '1.2' : '2004';
        $sessionelement = $version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time';
        $store = function(string $element, string $value) use ($launch, $scorm, $version): void {
            tracks::store($launch, $scorm, $version, $element, $value);
        };

        $transaction = $DB->start_delegated_transaction();
        try {
            $sessiontime = $launch->sessiontime;
            $result = op_applier::apply($launch, $params['ops'],
                function(array $op) use (&$sessiontime, $sessionelement, $version, $store): void {
                    if ($op['element'] === $sessionelement) {
                        $sessiontime = $op['value'];
                    }
                    // The 1.2 player never stores session_time; it only adds it to total_time at finish.
                    if (strpos($op['element'], 'cmi.') !== 0 || ($version === '1.2' && $op['element'] === $sessionelement)) {
                        return;
                    }
                    $store($op['element'], $op['value']);
                },
                function(array $op) use ($version): ?string {
                    return value_rules::refusal($version, $op['element'], $op['value']);
                });
            $finishing = $params['terminate'] && (int) $launch->finished === 0;
            $stored = tracks::stored_values($launch, $version);
            if ($finishing) {
                $values = finish_semantics::values($version, $stored, $launch->seedtotaltime, $sessiontime,
                    (bool) $scorm->masteryoverride, tracks::sco_data($launch->scoid));
                foreach ($values as [$element, $value]) {
                    $store($element, $value);
                }
            } else if ($version === '1.2' && !array_key_exists('cmi.core.lesson_status', $stored)
                    && !($params['ops'] && count($result['rejected']) === count($params['ops']))) {
                // The player's status of a first commit; a commit whose every op was refused stores nothing.
                $store('cmi.core.lesson_status', 'not attempted');
            }
            $DB->update_record('local_extscormbridge_launch', (object) [
                'id' => $launch->id,
                'ackedseq' => $result['ackedseq'],
                'finished' => $finishing ? 1 : (int) $launch->finished,
                'sessiontime' => $sessiontime,
            ]);
            $transaction->allow_commit();
        } catch (\Throwable $e) {
            // mod_scorm caches element ids as scorm_insert_track creates them (4.3+): ids created in this
            // transaction vanish with it, so the cache must go too, or later tracks point at missing elements.
            if (tracks::has_attempt_table()) {
                \cache::make('mod_scorm', 'elements')->purge();
            }
            // Roll back now, so that the refusal event the caller logs is not rolled back with the tracks.
            $transaction->rollback($e);
        }
        if ($result['rejected']) {
            // One refusal event per commit; a resent op is a duplicate and is not reported or logged again.
            $reasons = array_map(function(array $r): string {
                return "op {$r['seq']} {$r['element']}: {$r['reason']}";
            }, $result['rejected']);
            refusal_log::log_reason(self::METHOD, self::REJECTED_VALUE_ERRORCODE, implode('; ', $reasons), $context);
        }
        return ['ackedseq' => $result['ackedseq'], 'rejected' => $result['rejected']];
    }

    /**
     * What commit answers.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return new external_single_structure([
            'ackedseq' => new external_value(PARAM_INT, 'Every op up to this sequence number is stored'),
            'rejected' => new external_multiple_structure(new external_single_structure([
                'seq' => new external_value(PARAM_INT, 'Sequence number'),
                'element' => new external_value(PARAM_RAW, 'SCORM element name'),
                'reason' => new external_value(PARAM_RAW, 'Why it was not stored'),
            ]), 'Ops refused one by one'),
        ]);
    }
}
