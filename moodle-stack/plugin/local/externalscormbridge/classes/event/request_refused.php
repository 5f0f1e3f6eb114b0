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

namespace local_externalscormbridge\event;

/**
 * A request to the bridge's LMS API (or player) was refused: who, where, which operation and why.
 *
 * @property-read array $other {
 *      - string operation: web service or page that refused
 *      - string errorcode: Moodle error code of the refusal
 *      - string reason: the message the caller received
 * }
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class request_refused extends \core\event\base {
    /**
     * Init method.
     */
    protected function init() {
        $this->data['crud'] = 'r';
        $this->data['edulevel'] = self::LEVEL_OTHER;
    }

    /**
     * Event name.
     *
     * @return string
     */
    public static function get_name() {
        return get_string('eventrequestrefused', 'local_externalscormbridge');
    }

    /**
     * Description for the logs.
     *
     * @return string
     */
    public function get_description() {
        return "The user with id '{$this->userid}' was refused '" . s($this->other['operation']) . "': " .
            s($this->other['errorcode']) . ' (' . s($this->other['reason']) . ').';
    }

    /**
     * Validates the custom data.
     */
    protected function validate_data() {
        parent::validate_data();
        foreach (['operation', 'errorcode', 'reason'] as $key) {
            if (!isset($this->other[$key])) {
                throw new \coding_exception("The '$key' value must be set in other.");
            }
        }
    }
}
