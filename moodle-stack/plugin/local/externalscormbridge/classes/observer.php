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

namespace local_externalscormbridge;

/**
 * Launches die with their attempt: once a teacher deletes an attempt (or the activity) the plugin forgets every
 * launch issued for it, so that no op queued before can write into a fresh attempt.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class observer {
    /**
     * \mod_scorm\event\attempt_deleted.
     *
     * @param \mod_scorm\event\attempt_deleted $event
     */
    public static function attempt_deleted(\mod_scorm\event\attempt_deleted $event): void {
        global $DB;
        $cm = get_coursemodule_from_id('scorm', $event->contextinstanceid);
        if (!$cm) {
            return;
        }
        $launches = $DB->get_records('local_externalscormbridge_launch', ['scormid' => $cm->instance,
            'userid' => $event->relateduserid, 'attempt' => $event->other['attemptid']], '', 'id');
        self::revoke(array_keys($launches));
    }

    /**
     * \core\event\course_module_deleted: the activity's CDN URL and launches go with it.
     *
     * @param \core\event\course_module_deleted $event
     */
    public static function course_module_deleted(\core\event\course_module_deleted $event): void {
        global $DB;
        if (($event->other['modulename'] ?? '') !== 'scorm') {
            return;
        }
        $scormid = $event->other['instanceid'];
        self::revoke(array_keys($DB->get_records('local_externalscormbridge_launch', ['scormid' => $scormid], '', 'id')));
        $DB->delete_records('local_externalscormbridge', ['scormid' => $scormid]);
    }

    /**
     * Deletes launches and their op bookkeeping.
     *
     * @param int[] $ids
     */
    private static function revoke(array $ids): void {
        global $DB;
        if (!$ids) {
            return;
        }
        $DB->delete_records_list('local_externalscormbridge_opseq', 'launch', $ids);
        $DB->delete_records_list('local_externalscormbridge_ahead', 'launch', $ids);
        $DB->delete_records_list('local_externalscormbridge_launch', 'id', $ids);
    }
}
