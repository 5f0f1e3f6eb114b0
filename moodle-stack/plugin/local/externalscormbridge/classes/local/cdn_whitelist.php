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

/**
 * The CDN whitelist: host names (exact) or "*.domain" (any host below domain, on a label boundary), compared in
 * lower case after IDN (punycode) and trailing-dot normalisation; an empty list allows any https host.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class cdn_whitelist {
    /**
     * The host as browsers compare it, or null when it is no host name.
     *
     * @param string $host
     * @return string|null
     */
    public static function normalise_host(string $host): ?string {
        if ($host === '' || preg_match('~[\s/\\\\@:?#%]~', $host)) {
            return null;
        }
        $host = rtrim(\core_text::strtolower($host), '.');
        if (function_exists('idn_to_ascii') && preg_match('/[^\x00-\x7f]/', $host)) {
            $host = idn_to_ascii($host, IDNA_DEFAULT, INTL_IDNA_VARIANT_UTS46);
            if ($host === false) {
                return null;
            }
        }
        foreach (explode('.', $host) as $label) {
            if (!preg_match('/^(?!-)[a-z0-9-]{1,63}(?<!-)$/', $label)) {
                return null;
            }
        }
        return $host;
    }

    /**
     * The whitelist setting (one entry a line or comma separated), normalised; invalid entries dropped.
     *
     * @param string $text
     * @return string[]
     */
    public static function parse(string $text): array {
        $entries = [];
        foreach (preg_split('/[\s,]+/', $text, -1, PREG_SPLIT_NO_EMPTY) as $entry) {
            $normalised = self::normalise_entry($entry);
            if ($normalised !== null) {
                $entries[] = $normalised;
            }
        }
        return $entries;
    }

    /**
     * The entries of the setting that are not host names or *.domain.
     *
     * @param string $text
     * @return string[]
     */
    public static function invalid_entries(string $text): array {
        return array_values(array_filter(preg_split('/[\s,]+/', $text, -1, PREG_SPLIT_NO_EMPTY),
            function(string $entry): bool {
                return self::normalise_entry($entry) === null;
            }));
    }

    /**
     * True when the whitelist is empty or the URL's host matches an entry.
     *
     * @param string $url
     * @param string[] $whitelist
     * @return bool
     */
    public static function allows(string $url, array $whitelist): bool {
        if (!$whitelist) {
            return true;
        }
        $host = self::normalise_host((string) parse_url($url, PHP_URL_HOST));
        if ($host === null) {
            return false;
        }
        foreach ($whitelist as $entry) {
            if (strpos($entry, '*.') === 0 ? substr($host, -strlen($entry) + 1) === substr($entry, 1) : $host === $entry) {
                return true;
            }
        }
        return false;
    }

    /**
     * The origin (scheme://host[:port]) of a URL.
     *
     * @param string $url
     * @return string
     */
    public static function origin(string $url): string {
        $parts = parse_url($url);
        $origin = ($parts['scheme'] ?? 'https') . '://' . ($parts['host'] ?? '');
        return isset($parts['port']) ? $origin . ':' . $parts['port'] : $origin;
    }

    /**
     * Resolves a manifest-relative launch path against the manifest URL.
     *
     * @param string $relative
     * @param string $base
     * @return string
     */
    public static function resolve(string $relative, string $base): string {
        if (preg_match('~^[a-z][a-z0-9+.-]*://~i', $relative)) {
            return $relative;
        }
        if (strpos($relative, '/') === 0) {
            return self::origin($base) . $relative;
        }
        $path = parse_url($base, PHP_URL_PATH) ?? '/';
        $dir = substr($path, 0, strrpos($path, '/') + 1);
        $segments = [];
        foreach (explode('/', $dir . $relative) as $segment) {
            if ($segment === '..') {
                array_pop($segments);
            } else if ($segment !== '.') {
                $segments[] = $segment;
            }
        }
        return self::origin($base) . implode('/', $segments);
    }

    /**
     * One entry normalised, or null.
     *
     * @param string $entry
     * @return string|null
     */
    private static function normalise_entry(string $entry): ?string {
        $wildcard = strpos($entry, '*.') === 0;
        $host = self::normalise_host($wildcard ? substr($entry, 2) : $entry);
        if ($host === null || ($wildcard && strpos($host, '.') === false)) {
            return null;
        }
        return $wildcard ? '*.' . $host : $host;
    }
}
