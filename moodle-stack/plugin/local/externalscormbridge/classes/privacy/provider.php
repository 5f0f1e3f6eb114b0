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

namespace local_externalscormbridge\privacy;

use core_privacy\local\metadata\collection;
use core_privacy\local\request\approved_contextlist;
use core_privacy\local\request\approved_userlist;
use core_privacy\local\request\contextlist;
use core_privacy\local\request\userlist;
use core_privacy\local\request\writer;

/**
 * Privacy provider: the plugin keeps one row per launch (user, activity, SCO, attempt, session time); the tracks
 * themselves are mod_scorm's and exported, deleted and reset by mod_scorm's own provider.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class provider implements
        \core_privacy\local\metadata\provider,
        \core_privacy\local\request\core_userlist_provider,
        \core_privacy\local\request\plugin\provider {

    /** @var string Launches of a user in an activity, by context. */
    const LAUNCHES_IN_CONTEXT = "SELECT l.id, l.launchid, l.scoid, l.attempt, l.sessiontime, l.timecreated
                                   FROM {local_extscormbridge_launch} l
                                   JOIN {course_modules} cm ON cm.instance = l.scormid
                                   JOIN {modules} m ON m.id = cm.module AND m.name = 'scorm'
                                  WHERE cm.id = :cmid AND l.userid = :userid";

    /**
     * Describes the stored personal data.
     *
     * @param collection $collection
     * @return collection
     */
    public static function get_metadata(collection $collection): collection {
        $collection->add_database_table('local_extscormbridge_launch', [
            'userid' => 'privacy:metadata:launch:userid',
            'scormid' => 'privacy:metadata:launch:scormid',
            'attempt' => 'privacy:metadata:launch:attempt',
            'sessiontime' => 'privacy:metadata:launch:sessiontime',
            'timecreated' => 'privacy:metadata:launch:timecreated',
        ], 'privacy:metadata:launch');
        return $collection;
    }

    /**
     * Contexts (SCORM activities) where the user has launches.
     *
     * @param int $userid
     * @return contextlist
     */
    public static function get_contexts_for_userid(int $userid): contextlist {
        $contextlist = new contextlist();
        $contextlist->add_from_sql("SELECT ctx.id
                                      FROM {local_extscormbridge_launch} l
                                      JOIN {course_modules} cm ON cm.instance = l.scormid
                                      JOIN {modules} m ON m.id = cm.module AND m.name = 'scorm'
                                      JOIN {context} ctx ON ctx.instanceid = cm.id AND ctx.contextlevel = :level
                                     WHERE l.userid = :userid", ['level' => CONTEXT_MODULE, 'userid' => $userid]);
        return $contextlist;
    }

    /**
     * Users with launches in a context.
     *
     * @param userlist $userlist
     */
    public static function get_users_in_context(userlist $userlist) {
        $context = $userlist->get_context();
        if ($context->contextlevel != CONTEXT_MODULE) {
            return;
        }
        $userlist->add_from_sql('userid', "SELECT l.userid
                                             FROM {local_extscormbridge_launch} l
                                             JOIN {course_modules} cm ON cm.instance = l.scormid
                                             JOIN {modules} m ON m.id = cm.module AND m.name = 'scorm'
                                            WHERE cm.id = :cmid", ['cmid' => $context->instanceid]);
    }

    /**
     * Exports the user's launches.
     *
     * @param approved_contextlist $contextlist
     */
    public static function export_user_data(approved_contextlist $contextlist) {
        global $DB;
        $userid = $contextlist->get_user()->id;
        foreach ($contextlist->get_contexts() as $context) {
            if ($context->contextlevel != CONTEXT_MODULE) {
                continue;
            }
            $launches = array_values($DB->get_records_sql(self::LAUNCHES_IN_CONTEXT,
                ['cmid' => $context->instanceid, 'userid' => $userid]));
            if ($launches) {
                writer::with_context($context)->export_data(
                    [get_string('pluginname', 'local_externalscormbridge')], (object) ['launches' => $launches]);
            }
        }
    }

    /**
     * Deletes every user's launches in a context.
     *
     * @param \context $context
     */
    public static function delete_data_for_all_users_in_context(\context $context) {
        if ($context->contextlevel == CONTEXT_MODULE) {
            self::delete_launches($context->instanceid, null);
        }
    }

    /**
     * Deletes the user's launches in the approved contexts.
     *
     * @param approved_contextlist $contextlist
     */
    public static function delete_data_for_user(approved_contextlist $contextlist) {
        foreach ($contextlist->get_contexts() as $context) {
            if ($context->contextlevel == CONTEXT_MODULE) {
                self::delete_launches($context->instanceid, [$contextlist->get_user()->id]);
            }
        }
    }

    /**
     * Deletes the launches of the approved users in a context.
     *
     * @param approved_userlist $userlist
     */
    public static function delete_data_for_users(approved_userlist $userlist) {
        $context = $userlist->get_context();
        if ($context->contextlevel == CONTEXT_MODULE) {
            self::delete_launches($context->instanceid, $userlist->get_userids());
        }
    }

    /**
     * Deletes launches (and their op bookkeeping) of an activity, for some users or all.
     *
     * @param int $cmid
     * @param int[]|null $userids
     */
    private static function delete_launches(int $cmid, ?array $userids): void {
        global $DB;
        $cm = get_coursemodule_from_id('scorm', $cmid);
        if (!$cm) {
            return;
        }
        $conditions = ['scormid' => $cm->instance];
        $ids = [];
        foreach ($DB->get_records('local_extscormbridge_launch', $conditions, '', 'id, userid') as $launch) {
            if ($userids === null || in_array((int) $launch->userid, array_map('intval', $userids), true)) {
                $ids[] = $launch->id;
            }
        }
        if ($ids) {
            $DB->delete_records_list('local_extscormbridge_opseq', 'launch', $ids);
            $DB->delete_records_list('local_extscormbridge_ahead', 'launch', $ids);
            $DB->delete_records_list('local_extscormbridge_launch', 'id', $ids);
        }
    }
}
