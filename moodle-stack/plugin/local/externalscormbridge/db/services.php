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
 * The LMS API the bridge's LMS side calls through core/ajax: launch and commit.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$functions = [
    'local_externalscormbridge_launch' => [
        'classname' => 'local_externalscormbridge\external\launch',
        'methodname' => 'execute',
        'description' => 'Starts a launch of an external SCORM SCO: seed values, launch id, nonce and CDN origin.',
        'type' => 'write',
        'ajax' => true,
        'capabilities' => 'local/externalscormbridge:launch',
        'loginrequired' => true,
    ],
    'local_externalscormbridge_commit' => [
        'classname' => 'local_externalscormbridge\external\commit',
        'methodname' => 'execute',
        'description' => 'Stores a launch\'s ordered, idempotent ops through scorm_insert_track.',
        'type' => 'write',
        'ajax' => true,
        'capabilities' => 'mod/scorm:savetrack',
        'loginrequired' => true,
    ],
];
