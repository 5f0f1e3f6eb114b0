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

use context_module;
use moodle_exception;

/**
 * The access rules of the plugin's web services: guests never launch or save, the course is reachable
 * (require_login: an active enrolment or moodle/course:view), and the capability holds in the activity's context.
 *
 * require_login alone is not enough for the enrolment: it trusts the session's $USER->enrol cache until the
 * user is marked dirty, and it grants temporary guest access to any logged-in user when the course has an
 * enabled guest enrol instance. A learner whose enrolment was suspended keeps the student role assignment, so
 * with guest access on, require_login and require_capability both pass. The enrolment is therefore read from
 * the database on every call (enrol_get_enrolment_end: an active user enrolment in an enabled instance, within
 * timestart/timeend), as the Moodle twin does.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class access_rules {
    /**
     * Every check a user passes before touching an activity with $capability; throws Moodle's exception.
     *
     * @param \stdClass|\cm_info $cm
     * @param context_module $context
     * @param string $capability
     */
    public static function require_activity_access($cm, context_module $context, string $capability): void {
        if (isguestuser() || !isloggedin()) {
            throw new moodle_exception('noguest', 'local_externalscormbridge');
        }
        // Throws require_login_exception (requireloginerror) without an active enrolment or course:view.
        require_login($cm->course, false, $cm, false, true);
        self::require_active_enrolment($context->get_course_context());
        // Throws required_capability_exception (nopermissions).
        require_capability($capability, $context);
    }

    /**
     * An active enrolment read from the database now (no session cache), or moodle/course:view (is_viewing).
     *
     * @param \context_course $coursecontext
     */
    public static function require_active_enrolment(\context_course $coursecontext): void {
        global $USER;
        if (is_viewing($coursecontext)) {
            return;
        }
        if (enrol_get_enrolment_end($coursecontext->instanceid, $USER->id) === false) {
            throw new \require_login_exception('No active enrolment in this course');
        }
    }
}
