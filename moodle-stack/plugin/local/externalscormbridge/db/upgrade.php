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


/**
 * Upgrade steps.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

/**
 * Upgrades the plugin's tables from an earlier version.
 *
 * @param int $oldversion the version installed before
 * @return bool
 */
function xmldb_local_externalscormbridge_upgrade($oldversion) {
    global $DB;
    $dbman = $DB->get_manager();

    if ($oldversion < 2026112300) {
        // Moodle 4.1 and 4.2 limit table names to 28 characters: the launch, op sequence and ahead tables of
        // earlier versions (local_externalscormbridge_*) are renamed local_extscormbridge_*.
        foreach (['launch', 'opseq', 'ahead'] as $suffix) {
            $old = new xmldb_table('local_externalscormbridge_' . $suffix);
            if ($dbman->table_exists($old)) {
                $dbman->rename_table($old, 'local_extscormbridge_' . $suffix);
            }
        }
        upgrade_plugin_savepoint(true, 2026112300, 'local', 'externalscormbridge');
    }
    return true;
}
