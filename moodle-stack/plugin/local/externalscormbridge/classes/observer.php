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

use local_externalscormbridge\local\tracks;

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
        $launches = $DB->get_records('local_extscormbridge_launch', ['scormid' => $cm->instance,
            'userid' => $event->relateduserid, 'attempt' => $event->other['attemptid']], '', 'id');
        self::revoke(array_keys($launches));
        self::recompute_completion_without_attempts($cm, (int) $event->relateduserid);
    }

    /**
     * mod_scorm's attempt deletion leaves the activity's completion behind; once the learner has no attempt left
     * nothing can be complete, so the state is computed again from what is left (the twin does the same).
     *
     * @param \stdClass $cm
     * @param int $userid
     */
    private static function recompute_completion_without_attempts(\stdClass $cm, int $userid): void {
        global $DB, $CFG;
        require_once($CFG->dirroot . '/mod/scorm/locallib.php');
        $table = tracks::has_attempt_table() ? 'scorm_attempt' : 'scorm_scoes_track';
        if ($DB->record_exists($table, ['scormid' => $cm->instance, 'userid' => $userid])) {
            return;
        }
        require_once($CFG->libdir . '/completionlib.php');
        $completion = new \completion_info(get_course($cm->course));
        if ($completion->is_enabled($cm) == COMPLETION_TRACKING_AUTOMATIC) {
            $completion->update_state($cm, COMPLETION_UNKNOWN, $userid);
        }
    }

    /**
     * \core\event\course_reset_ended: scorm_reset_userdata deletes attempts without an event, so every launch of
     * the course's activities whose attempt is gone (4.3+), or every launch when SCORM attempts were reset (4.1,
     * 4.2), is revoked.
     *
     * @param \core\event\course_reset_ended $event
     */
    public static function course_reset_ended(\core\event\course_reset_ended $event): void {
        global $DB, $CFG;
        require_once($CFG->dirroot . '/mod/scorm/locallib.php');
        $courseid = $event->courseid;
        if (tracks::has_attempt_table()) {
            $ids = $DB->get_fieldset_sql("SELECT l.id
                                            FROM {local_extscormbridge_launch} l
                                            JOIN {scorm} s ON s.id = l.scormid
                                       LEFT JOIN {scorm_attempt} a ON a.id = l.attemptid
                                           WHERE s.course = :courseid AND a.id IS NULL", ['courseid' => $courseid]);
        } else if (!empty($event->other['reset_options']['reset_scorm'])) {
            $ids = $DB->get_fieldset_sql("SELECT l.id
                                            FROM {local_extscormbridge_launch} l
                                            JOIN {scorm} s ON s.id = l.scormid
                                           WHERE s.course = :courseid", ['courseid' => $courseid]);
        } else {
            $ids = [];
        }
        self::revoke($ids);
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
        self::revoke(array_keys($DB->get_records('local_extscormbridge_launch', ['scormid' => $scormid], '', 'id')));
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
        $DB->delete_records_list('local_extscormbridge_opseq', 'launch', $ids);
        $DB->delete_records_list('local_extscormbridge_ahead', 'launch', $ids);
        $DB->delete_records_list('local_extscormbridge_launch', 'id', $ids);
    }
}
