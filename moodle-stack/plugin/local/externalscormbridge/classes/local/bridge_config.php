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

use external_multiple_structure;
use external_single_structure;
use external_value;

/**
 * The bridge's runtime configuration (retry schedule, timeouts, heartbeat, whitelist, debug) as the admin
 * settings hold it, in the shape launch hands to the player.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class bridge_config {
    /** @var array Numeric settings: name => [default, min, max]. */
    const NUMBERS = [
        'retryJitter' => [0.2, 0, 0.5],
        'apiTimeoutMs' => [10000, 100, 300000],
        'handshakeTimeoutMs' => [15000, 500, 300000],
        'urlCheckTimeoutMs' => [10000, 500, 60000],
        'changeBatchMs' => [50, 0, 5000],
        'heartbeatMs' => [5000, 100, 60000],
    ];

    /** @var string Default retry schedule, ms, comma separated. */
    const DEFAULT_RETRY_SCHEDULE = '1000,2000,4000,8000,30000';

    /** @var string Path of the bridge frame page on every CDN origin. */
    const DEFAULT_FRAME_PATH = '/bridge/frame.html';

    /**
     * The configuration handed out at launch.
     *
     * @return array
     */
    public static function get(): array {
        $config = [
            'retryScheduleMs' => self::retry_schedule(self::setting('retryschedulems', self::DEFAULT_RETRY_SCHEDULE)),
        ];
        foreach (self::NUMBERS as $name => [$default, $min, $max]) {
            $value = (float) self::setting(strtolower($name), (string) $default);
            $value = ($value < $min || $value > $max) ? $default : $value;
            $config[$name] = $name === 'retryJitter' ? $value : (int) $value;
        }
        $config['cdnWhitelist'] = cdn_whitelist::parse(self::setting('cdnwhitelist', ''));
        $config['debug'] = (bool) self::setting('debug', '0');
        return $config;
    }

    /**
     * Path of the bridge frame page on the CDN.
     *
     * @return string
     */
    public static function frame_path(): string {
        $path = self::setting('framepath', self::DEFAULT_FRAME_PATH);
        return strpos($path, '/') === 0 ? $path : '/' . $path;
    }

    /**
     * Validates a retry schedule: 1 to 20 delays, each from 10 ms to 1 hour.
     *
     * @param string $text
     * @return string|null Why it is invalid, or null
     */
    public static function retry_schedule_error(string $text): ?string {
        $parts = array_map('trim', explode(',', $text));
        if (count($parts) === 0 || count($parts) > 20) {
            return get_string('errretryschedulecount', 'local_externalscormbridge');
        }
        foreach ($parts as $part) {
            if (!preg_match('/^\d+$/', $part) || (int) $part < 10 || (int) $part > 3600000) {
                return get_string('errretryscheduledelay', 'local_externalscormbridge');
            }
        }
        return null;
    }

    /**
     * The external_single_structure of the configuration.
     *
     * @return external_single_structure
     */
    public static function structure(): external_single_structure {
        $fields = [
            'retryScheduleMs' => new external_multiple_structure(new external_value(PARAM_INT, 'Delay, ms')),
        ];
        foreach (array_keys(self::NUMBERS) as $name) {
            $fields[$name] = new external_value($name === 'retryJitter' ? PARAM_FLOAT : PARAM_INT, $name);
        }
        $fields['cdnWhitelist'] = new external_multiple_structure(new external_value(PARAM_RAW, 'Host pattern'));
        $fields['debug'] = new external_value(PARAM_BOOL, 'Log protocol messages');
        return new external_single_structure($fields, 'Bridge configuration');
    }

    /**
     * A stored setting, or its default.
     *
     * @param string $name
     * @param string $default
     * @return string
     */
    private static function setting(string $name, string $default): string {
        $value = get_config('local_externalscormbridge', $name);
        return ($value === false || $value === null || $value === '') ? $default : (string) $value;
    }

    /**
     * The schedule as integers, or the default one when the stored text is invalid.
     *
     * @param string $text
     * @return int[]
     */
    private static function retry_schedule(string $text): array {
        if (self::retry_schedule_error($text) !== null) {
            $text = self::DEFAULT_RETRY_SCHEDULE;
        }
        return array_map('intval', explode(',', $text));
    }
}
