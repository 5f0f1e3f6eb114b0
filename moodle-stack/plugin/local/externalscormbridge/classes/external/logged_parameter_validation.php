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

use local_externalscormbridge\local\refusal_log;

/**
 * Parameter validation that logs its refusal: Moodle's web-service layer (external_api::call_external_function)
 * validates the call's parameters through the function class's validate_parameters before execute runs, so a
 * call with an undeclared parameter (a userid or attempt slipped in) would be refused without the plugin's
 * request_refused event. The outermost validation of a call logs it once, in the context the call names.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
trait logged_parameter_validation {
    /** @var int Depth of validate_parameters calls (it recurses into nested structures). */
    private static $validationdepth = 0;

    /** @var \Throwable|null The last refusal logged, so that execute's own catch does not log it again. */
    private static $loggedrefusal = null;

    /**
     * Logs a refusal of this web service once.
     *
     * @param \Throwable $error
     * @param \context $context
     */
    protected static function log_refusal(\Throwable $error, \context $context): void {
        if ($error !== self::$loggedrefusal) {
            self::$loggedrefusal = $error;
            refusal_log::log(self::METHOD, $error, $context);
        }
    }

    /**
     * external_api::validate_parameters, with one refusal event when the outermost call fails.
     *
     * @param \external_description $description
     * @param mixed $params
     * @return mixed
     */
    public static function validate_parameters(\external_description $description, $params) {
        self::$validationdepth++;
        try {
            if (self::$validationdepth === 1 && is_array($params)) {
                static::require_json_types($params);
            }
            return parent::validate_parameters($description, $params);
        } catch (\invalid_parameter_exception $e) {
            if (self::$validationdepth === 1) {
                self::log_refusal($e, self::refusal_context(is_array($params) ? $params : []));
            }
            throw $e;
        } finally {
            self::$validationdepth--;
        }
    }

    /**
     * Refuses (invalid_parameter_exception) a call whose fields do not have the JSON types the protocol gives them:
     * Moodle's validation turns a number into text for PARAM_RAW and numeric text into a number for PARAM_INT.
     * Nothing to check unless the function says so.
     *
     * @param array $params the call's arguments as they arrived
     */
    protected static function require_json_types(array $params): void {
    }

    /**
     * The activity a refused call names (its cmid, or its launch's), else the system.
     *
     * @param array $params
     * @return \context
     */
    private static function refusal_context(array $params): \context {
        if (isset($params['cmid']) && is_scalar($params['cmid'])) {
            return refusal_log::context_of_cmid((int) $params['cmid']);
        }
        if (isset($params['launchid']) && is_string($params['launchid'])) {
            return refusal_log::context_of_launch($params['launchid']);
        }
        return \context_system::instance();
    }
}
