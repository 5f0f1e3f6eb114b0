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

use local_externalscormbridge\local\player_injection;

/**
 * Hook callbacks (Moodle 4.4+).
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class hook_callbacks {
    /**
     * The bridge on the SCORM player page of a CDN URL activity.
     *
     * @param \core\hook\output\before_footer_html_generation $hook
     */
    public static function before_footer_html_generation(\core\hook\output\before_footer_html_generation $hook): void {
        $hook->add_html(player_injection::html());
    }

    /**
     * mod_scorm's own SCO loader answers a blank page for a CDN URL activity (the bridge frame runs the SCO).
     *
     * @param \core\hook\after_config $hook
     */
    public static function after_config(\core\hook\after_config $hook): void {
        player_injection::stop_native_sco_load();
    }
}
