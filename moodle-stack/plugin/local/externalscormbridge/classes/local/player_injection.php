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

namespace local_externalscormbridge\local;

use moodle_url;

/**
 * What the SCORM player page of a CDN URL activity gets: the player's configuration as inert JSON, the places the
 * bridge renders into, and the bridge's LMS-side script; mod_scorm's own content frame is hidden.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class player_injection {
    /** @var string The built LMS-side bridge, shipped inside the plugin. */
    const SCRIPT = '/local/externalscormbridge/bridge-lms.js';

    /**
     * The HTML to add before the footer, or '' on any other page.
     *
     * @return string
     */
    public static function html(): string {
        global $PAGE, $DB, $USER, $CFG;
        if ($PAGE->pagetype !== 'mod-scorm-player' || !$PAGE->cm) {
            return '';
        }
        if (!$DB->record_exists('local_externalscormbridge', ['scormid' => $PAGE->cm->instance])) {
            return '';
        }
        $scoid = optional_param('scoid', 0, PARAM_INT);
        if (!$scoid) {
            $scoid = (int) $DB->get_field_select('scorm_scoes', 'id', "scorm = ? AND launch <> ''",
                [$PAGE->cm->instance], IGNORE_MULTIPLE);
        }
        $config = [
            'wwwroot' => $CFG->wwwroot,
            'sesskey' => sesskey(),
            'userid' => (int) $USER->id,
            'cmid' => (int) $PAGE->cm->id,
            'scoid' => $scoid,
        ];
        $json = json_encode($config, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT);
        $script = new moodle_url(self::SCRIPT);
        return '<style>#scorm_object,#scorm_content > iframe{display:none}</style>'
            . '<div id="esb-message" role="alert"></div><div id="esb-player"></div>'
            . '<script type="application/json" id="esb-config">' . $json . '</script>'
            . '<script src="' . s($script->out(false)) . '"></script>'
            . '<script>' . self::TOC_NAVIGATION . '</script>';
    }

    /**
     * mod_scorm's table of contents (its tree's anchors carry data-scoid) would load the SCO into the native frame
     * through loadSCO.php, which the plugin answers blank: a click on an entry opens the player for that SCO
     * instead, as the bridge launches one SCO per player page (the same attempt: a new-attempt request is dropped).
     */
    const TOC_NAVIGATION = "document.addEventListener('click', function(e) {"
        . "var a = e.target.closest && e.target.closest('#scorm_tree a[data-scoid]');"
        . "if (!a) { return; }"
        . "e.preventDefault(); e.stopPropagation();"
        . "var url = new URL(window.location.href);"
        . "url.searchParams.set('scoid', a.getAttribute('data-scoid'));"
        . "url.searchParams.delete('newattempt');"
        . "window.location.assign(url.href);"
        . "}, true);";

    /**
     * On mod_scorm's loadSCO.php for a CDN URL activity: answers a blank page and ends the request, so that the
     * player's hidden native frame neither loads the SCO from the CDN (a second copy of it, outside the bridge,
     * talking to mod_scorm's own API) nor logs a second sco_launched (the plugin's launch logs the launch).
     */
    public static function stop_native_sco_load(): void {
        global $SCRIPT, $DB;
        if (CLI_SCRIPT || $SCRIPT !== '/mod/scorm/loadSCO.php') {
            return;
        }
        $scormid = optional_param('a', 0, PARAM_INT);
        $cmid = optional_param('id', 0, PARAM_INT);
        if (!$scormid && $cmid) {
            $scormid = (int) $DB->get_field_sql("SELECT cm.instance
                                                   FROM {course_modules} cm
                                                   JOIN {modules} m ON m.id = cm.module AND m.name = 'scorm'
                                                  WHERE cm.id = ?", [$cmid]);
        }
        if (!$scormid || !$DB->record_exists('local_externalscormbridge', ['scormid' => $scormid])) {
            return;
        }
        header('Content-Type: text/html; charset=utf-8');
        echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SCO</title></head>'
            . '<body></body></html>';
        die();
    }
}
