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

namespace local_externalscormbridge\local;

use context;
use context_module;
use context_system;

/**
 * One request_refused event per refused request, in the context the request named (its activity's, else the
 * system's), with the operation, the error code and the reason.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class refusal_log {
    /**
     * Logs a refusal.
     *
     * @param string $operation Web service or page
     * @param \Throwable $error
     * @param context $context
     */
    public static function log(string $operation, \Throwable $error, context $context): void {
        $errorcode = $error instanceof \moodle_exception ? $error->errorcode : 'generalexceptionmessage';
        self::log_reason($operation, $errorcode, $error->getMessage(), $context);
    }

    /**
     * Logs a refusal that is not an exception (a commit's ops refused one by one).
     *
     * @param string $operation Web service or page
     * @param string $errorcode
     * @param string $reason
     * @param context $context
     */
    public static function log_reason(string $operation, string $errorcode, string $reason, context $context): void {
        \local_externalscormbridge\event\request_refused::create([
            'context' => $context,
            'other' => [
                'operation' => \core_text::substr($operation, 0, 100),
                'errorcode' => $errorcode,
                'reason' => $reason,
            ],
        ])->trigger();
    }

    /**
     * The activity's context for a course module id, else the system's.
     *
     * @param int $cmid
     * @return context
     */
    public static function context_of_cmid(int $cmid): context {
        $context = $cmid > 0 ? context_module::instance($cmid, IGNORE_MISSING) : false;
        return $context ?: context_system::instance();
    }

    /**
     * The activity's context for a launch id, else the system's.
     *
     * @param string $launchid
     * @return context
     */
    public static function context_of_launch(string $launchid): context {
        global $DB;
        $scormid = $DB->get_field('local_extscormbridge_launch', 'scormid', ['launchid' => $launchid]);
        $cm = $scormid ? get_coursemodule_from_instance('scorm', $scormid) : false;
        return $cm ? self::context_of_cmid((int) $cm->id) : context_system::instance();
    }
}
