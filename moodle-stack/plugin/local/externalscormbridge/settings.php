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
 * Admin settings: CDN whitelist, retry schedule and timeouts, debug, encryption at rest and sensitive elements.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

use local_externalscormbridge\admin\setting_validated_text;
use local_externalscormbridge\local\bridge_config;
use local_externalscormbridge\local\cdn_whitelist;
use local_externalscormbridge\local\sealed_values;

if ($hassiteconfig) {
    $component = 'local_externalscormbridge';
    $settings = new admin_settingpage($component, get_string('pluginname', $component));
    $ADMIN->add('localplugins', $settings);

    $settings->add(new setting_validated_text("$component/cdnwhitelist", get_string('cdnwhitelist', $component),
        get_string('cdnwhitelist_desc', $component), '',
        function(string $value) use ($component): ?string {
            $invalid = cdn_whitelist::invalid_entries($value);
            return $invalid ? get_string('errwhitelist', $component, s(implode(', ', $invalid))) : null;
        }, 5));
    $settings->add(new setting_validated_text("$component/retryschedulems", get_string('retryschedulems', $component),
        get_string('retryschedulems_desc', $component), bridge_config::DEFAULT_RETRY_SCHEDULE,
        function(string $value): ?string {
            return bridge_config::retry_schedule_error($value);
        }));
    foreach (bridge_config::NUMBERS as $name => [$default, $min, $max]) {
        $key = strtolower($name);
        $settings->add(new setting_validated_text("$component/$key", get_string($key, $component),
            get_string($key . '_desc', $component), (string) $default,
            function(string $value) use ($component, $min, $max): ?string {
                $ok = is_numeric($value) && (float) $value >= $min && (float) $value <= $max;
                return $ok ? null : get_string('errrange', $component, (object) ['min' => $min, 'max' => $max]);
            }));
    }
    $settings->add(new setting_validated_text("$component/framepath", get_string('framepath', $component),
        get_string('framepath_desc', $component), bridge_config::DEFAULT_FRAME_PATH,
        function(string $value) use ($component): ?string {
            return preg_match('#^/[A-Za-z0-9._~/-]*$#', $value) ? null : get_string('errframepath', $component);
        }));
    $settings->add(new admin_setting_configcheckbox("$component/debug", get_string('debug', $component),
        get_string('debug_desc', $component), 0));
    $settings->add(new admin_setting_configcheckbox("$component/encryptatrest", get_string('encryptatrest', $component),
        get_string('encryptatrest_desc', $component), 0));
    $settings->add(new setting_validated_text("$component/sensitiveelements",
        get_string('sensitiveelements', $component), get_string('sensitiveelements_desc', $component), '',
        function(string $value): ?string {
            return sealed_values::sensitive_elements_error($value);
        }, 4));
}
