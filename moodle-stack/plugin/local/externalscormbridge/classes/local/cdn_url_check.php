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

defined('MOODLE_INTERNAL') || die();

global $CFG;
require_once($CFG->libdir . '/filelib.php');

/**
 * The CDN URL check of the activity form: https, no user info, a host name, the whitelist, then the manifest
 * and the bridge frame page fetched from the same origin within the URL-check timeout.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class cdn_url_check {
    /** What fetch returns when the deadline passed before or during the request. */
    private const TIMED_OUT = false;

    /** curl's errno for a request cut by its timeout. */
    private const CURLE_OPERATION_TIMEDOUT = 28;

    /**
     * Why the URL is refused (for the teacher), or null when it is accepted.
     *
     * @param string $url
     * @return string|null
     */
    public static function check(string $url): ?string {
        return self::refusal($url)['reason'] ?? null;
    }

    /**
     * The refusal of the URL: its code (the reason's language string identifier) and reason; null when accepted.
     *
     * @param string $url
     * @return array|null ['code' => string, 'reason' => string]
     */
    public static function refusal(string $url): ?array {
        $refuse = function(string $code, $a = null): array {
            return ['code' => $code, 'reason' => get_string($code, 'local_externalscormbridge', $a)];
        };
        $parts = parse_url($url);
        if ($parts === false || ($parts['scheme'] ?? '') !== 'https') {
            return $refuse('errcdnurlhttps');
        }
        if (isset($parts['user']) || isset($parts['pass'])) {
            return $refuse('errcdnurluserinfo');
        }
        if (cdn_whitelist::normalise_host($parts['host'] ?? '') === null) {
            return $refuse('errcdnurlhost');
        }
        if (!preg_match('~/imsmanifest\.xml$~', $parts['path'] ?? '') || preg_match('/[\s"<>\\\\^`{|}]/', $url)) {
            return $refuse('errcdnurlpath');
        }
        $config = bridge_config::get();
        if (!cdn_whitelist::allows($url, $config['cdnWhitelist'])) {
            return $refuse('cdnnotallowed', cdn_whitelist::origin($url));
        }
        $deadline = microtime(true) + $config['urlCheckTimeoutMs'] / 1000;
        $manifest = self::fetch($url, $deadline);
        if ($manifest === self::TIMED_OUT) {
            return $refuse('errcdnurltimeout', (object) ['url' => s($url), 'ms' => $config['urlCheckTimeoutMs']]);
        }
        if ($manifest === null) {
            return $refuse('errcdnurlunreachable', s($url));
        }
        $previous = libxml_use_internal_errors(true);
        $xml = simplexml_load_string($manifest, 'SimpleXMLElement', LIBXML_NONET);
        libxml_use_internal_errors($previous);
        if ($xml === false || $xml->getName() !== 'manifest') {
            return $refuse('errcdnurlmanifest');
        }
        $frame = cdn_whitelist::origin($url) . bridge_config::frame_path();
        $framepage = self::fetch($frame, $deadline);
        if ($framepage === self::TIMED_OUT) {
            return $refuse('errcdnurltimeout', (object) ['url' => s($frame), 'ms' => $config['urlCheckTimeoutMs']]);
        }
        if ($framepage === null) {
            return $refuse('errcdnurlframe', s($frame));
        }
        return null;
    }

    /**
     * GET with Moodle's curl (its security rules apply) before the deadline: the body; TIMED_OUT when the deadline
     * passed (before the request, or curl cut it: errno 28); null on any other failure.
     *
     * @param string $url
     * @param float $deadline microtime
     * @return string|false|null
     */
    private static function fetch(string $url, float $deadline) {
        $left = $deadline - microtime(true);
        if ($left <= 0) {
            return self::TIMED_OUT;
        }
        $curl = new \curl();
        $body = $curl->get($url, [], ['CURLOPT_TIMEOUT_MS' => (int) ceil($left * 1000),
            'CURLOPT_CONNECTTIMEOUT_MS' => (int) ceil($left * 1000)]);
        $info = $curl->get_info();
        if ($curl->get_errno() === self::CURLE_OPERATION_TIMEDOUT) {
            return self::TIMED_OUT;
        }
        if ($curl->get_errno() || (int) ($info['http_code'] ?? 0) !== 200) {
            return null;
        }
        return (string) $body;
    }
}
