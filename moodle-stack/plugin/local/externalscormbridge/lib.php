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
 * Callbacks: the "CDN URL" field of the SCORM activity form (validated on the server), and the legacy output
 * callback that puts the bridge on the SCORM player page (Moodle 4.1 to 4.3; 4.4+ uses db/hooks.php).
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

use local_externalscormbridge\local\cdn_url_check;
use local_externalscormbridge\local\player_injection;

/**
 * True for the SCORM activity form.
 *
 * @param moodleform_mod $formwrapper
 * @return bool
 */
function local_externalscormbridge_is_scorm_form($formwrapper): bool {
    $current = $formwrapper->get_current();
    return isset($current->modulename) && $current->modulename === 'scorm';
}

/**
 * Adds the "CDN URL" field to the SCORM activity form.
 *
 * @param moodleform_mod $formwrapper
 * @param MoodleQuickForm $mform
 */
function local_externalscormbridge_coursemodule_standard_elements($formwrapper, $mform) {
    global $DB;
    if (!local_externalscormbridge_is_scorm_form($formwrapper)) {
        return;
    }
    $mform->addElement('header', 'local_externalscormbridge', get_string('formheader', 'local_externalscormbridge'));
    $mform->addElement('text', 'local_externalscormbridge_cdnurl', get_string('cdnurl', 'local_externalscormbridge'),
        ['size' => 80]);
    $mform->setType('local_externalscormbridge_cdnurl', PARAM_RAW_TRIMMED);
    $mform->addHelpButton('local_externalscormbridge_cdnurl', 'cdnurl', 'local_externalscormbridge');
    $instance = $formwrapper->get_instance();
    if ($instance) {
        $cdnurl = $DB->get_field('local_externalscormbridge', 'cdnurl', ['scormid' => $instance]);
        if ($cdnurl !== false) {
            $mform->setDefault('local_externalscormbridge_cdnurl', $cdnurl);
        }
    }
}

/**
 * A CDN URL makes the activity mod_scorm's "external" type with that manifest URL, so that mod_scorm parses the
 * manifest into scorm_scoes (table of contents, reports and multi-SCO stay native).
 *
 * @param moodleform_mod $formwrapper
 * @param MoodleQuickForm $mform
 */
function local_externalscormbridge_coursemodule_definition_after_data($formwrapper, $mform) {
    if (!local_externalscormbridge_is_scorm_form($formwrapper) || !$mform->isSubmitted()) {
        return;
    }
    $cdnurl = trim((string) $mform->getSubmitValue('local_externalscormbridge_cdnurl'));
    if ($cdnurl !== '') {
        $mform->_submitValues['scormtype'] = SCORM_TYPE_EXTERNAL;
        $mform->_submitValues['packageurl'] = $cdnurl;
    }
}

/**
 * Server-side check of the CDN URL: syntax, whitelist, manifest and frame page within the URL-check timeout.
 *
 * @param moodleform_mod $formwrapper
 * @param array $data
 * @return array errors
 */
function local_externalscormbridge_coursemodule_validation($formwrapper, $data) {
    if (!local_externalscormbridge_is_scorm_form($formwrapper)) {
        return [];
    }
    $cdnurl = trim((string) ($data['local_externalscormbridge_cdnurl'] ?? ''));
    if ($cdnurl === '') {
        return [];
    }
    $refusal = cdn_url_check::check($cdnurl);
    return $refusal === null ? [] : ['local_externalscormbridge_cdnurl' => $refusal];
}

/**
 * Remembers (or forgets) the activity's CDN URL after mod_scorm saved the activity.
 *
 * @param stdClass $moduleinfo
 * @param stdClass $course
 * @return stdClass
 */
function local_externalscormbridge_coursemodule_edit_post_actions($moduleinfo, $course) {
    global $DB;
    if (($moduleinfo->modulename ?? '') !== 'scorm' || !property_exists($moduleinfo, 'local_externalscormbridge_cdnurl')) {
        return $moduleinfo;
    }
    $cdnurl = trim((string) $moduleinfo->local_externalscormbridge_cdnurl);
    $existing = $DB->get_record('local_externalscormbridge', ['scormid' => $moduleinfo->instance]);
    if ($cdnurl === '') {
        if ($existing) {
            $DB->delete_records('local_externalscormbridge', ['id' => $existing->id]);
        }
    } else if ($existing) {
        $DB->update_record('local_externalscormbridge',
            (object) ['id' => $existing->id, 'cdnurl' => $cdnurl, 'timemodified' => time()]);
    } else {
        $DB->insert_record('local_externalscormbridge',
            (object) ['scormid' => $moduleinfo->instance, 'cdnurl' => $cdnurl, 'timemodified' => time()]);
    }
    if ($cdnurl !== '') {
        local_externalscormbridge_store_declared_version((int) $moduleinfo->instance);
    }
    return $moduleinfo;
}

/**
 * Stores the SCORM version the activity's manifest declares (manifest_version) where mod_scorm's parser filed
 * it otherwise: mod_scorm reads only exact schemaversion spellings and takes any other manifest, a 2004 one
 * without schemaversion included, for SCORM_1.2. The manifest is read again from the activity's reference URL.
 *
 * @param int $scormid
 */
function local_externalscormbridge_store_declared_version(int $scormid): void {
    global $CFG, $DB;
    require_once($CFG->libdir . '/filelib.php');
    $scorm = $DB->get_record('scorm', ['id' => $scormid], 'id, reference, version', MUST_EXIST);
    $xml = download_file_content($scorm->reference);
    $declared = is_string($xml) ? \local_externalscormbridge\local\manifest_version::of_manifest($xml) : null;
    if ($declared !== null && $declared !== $scorm->version) {
        $DB->set_field('scorm', 'version', $declared, ['id' => $scormid]);
    }
}

/**
 * Legacy callback (4.1 to 4.3): the bridge on the SCORM player page of a CDN URL activity.
 *
 * @return string
 */
function local_externalscormbridge_before_footer() {
    return player_injection::html();
}

/**
 * Legacy callback (4.1 to 4.3): mod_scorm's own SCO loader stays blank for a CDN URL activity.
 */
function local_externalscormbridge_after_config() {
    player_injection::stop_native_sco_load();
}
