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

namespace local_externalscormbridge\admin;

defined('MOODLE_INTERNAL') || die();

global $CFG;
require_once($CFG->libdir . '/adminlib.php');

/**
 * A text (or textarea) admin setting whose value a callable validates, naming the setting in its reason.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class setting_validated_text extends \admin_setting_configtextarea {
    /** @var callable function(string $value): ?string, the reason a value is refused */
    private $validator;

    /**
     * Constructor.
     *
     * @param string $name
     * @param string $visiblename
     * @param string $description
     * @param string $default
     * @param callable $validator
     * @param int $rows
     */
    public function __construct(string $name, string $visiblename, string $description, string $default,
            callable $validator, int $rows = 1) {
        $this->validator = $validator;
        parent::__construct($name, $visiblename, $description, $default, PARAM_RAW_TRIMMED, '60', (string) $rows);
    }

    /**
     * Validates the value.
     *
     * @param string $data
     * @return true|string
     */
    public function validate($data) {
        $reason = ($this->validator)(trim((string) $data));
        return $reason === null ? true : $this->visiblename . ': ' . $reason;
    }
}
