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
 * A stored value the plugin could not decrypt (the site key was lost or replaced) when a launch opened the
 * attempt: the attempt, the element and the error, so that an admin sees why the learner restarted from scratch.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class stored_value_unreadable extends \core\event\base {
    /**
     * Init method.
     */
    protected function init() {
        $this->data['crud'] = 'r';
        $this->data['edulevel'] = self::LEVEL_OTHER;
        $this->data['objecttable'] = 'scorm_attempt';
    }

    /**
     * Event name.
     *
     * @return string
     */
    public static function get_name() {
        return get_string('eventstoredvalueunreadable', 'local_externalscormbridge');
    }

    /**
     * Description for the logs.
     *
     * @return string
     */
    public function get_description() {
        return "A value stored for the user with id '{$this->userid}' (" . s($this->other['element']) .
            ", attempt id '{$this->objectid}') could not be decrypted: " . s($this->other['errorcode']) . '.';
    }

    /**
     * Validates the custom data.
     */
    protected function validate_data() {
        parent::validate_data();
        foreach (['element', 'errorcode'] as $key) {
            if (!isset($this->other[$key])) {
                throw new \coding_exception("The '$key' value must be set in other.");
            }
        }
    }
}
