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
 * The current session's sesskey and user, for a player page whose session was renewed in another tab.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

define('AJAX_SCRIPT', true);
define('NO_DEBUG_DISPLAY', true);

require(__DIR__ . '/../../config.php');

header('Cache-Control: no-store');
header('Content-Type: application/json; charset=utf-8');
// The guest too: every Moodle page gives a session its sesskey, the guest's included (as the twin's endpoint does),
// so that the guest's calls reach the plugin's access rules, which refuse them and log the refusal.
if (!isloggedin()) {
    http_response_code(401);
    echo json_encode(['error' => 'You are not logged in', 'errorcode' => 'servicerequireslogin']);
    die;
}
echo json_encode(['sesskey' => sesskey(), 'userid' => (int) $USER->id]);
