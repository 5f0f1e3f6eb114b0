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
 * Observers: launches die with their attempt (attempt deleted, course reset, activity deleted).
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$observers = [
    [
        'eventname' => '\mod_scorm\event\attempt_deleted',
        'callback' => '\local_externalscormbridge\observer::attempt_deleted',
    ],
    [
        'eventname' => '\core\event\course_module_deleted',
        'callback' => '\local_externalscormbridge\observer::course_module_deleted',
    ],
    [
        'eventname' => '\core\event\course_reset_ended',
        'callback' => '\local_externalscormbridge\observer::course_reset_ended',
    ],
];
