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
 * The SCORM version a manifest declares, as the suite reads it: from its <schemaversion> as authors really write it
 * ("1.2", "CAM 1.3", "2004 3rd Edition", "2004 4th edition", "SCORM 2004 3rd ed." ...), else from the namespaces it
 * uses. mod_scorm reads only the exact spellings and files every other manifest, a 2004 one without schemaversion
 * included, as SCORM_1.2; for CDN URL activities the plugin stores what the manifest declares.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class manifest_version {
    /**
     * mdl_scorm.version for a manifest: SCORM_1.2, SCORM_1.3, or null when it declares no SCORM version (or is no XML).
     *
     * @param string $xml the manifest
     * @return string|null
     */
    public static function of_manifest(string $xml): ?string {
        if (trim($xml) === '') {
            return null;
        }
        $doc = new \DOMDocument();
        $previous = libxml_use_internal_errors(true);
        $loaded = $doc->loadXML($xml, LIBXML_NONET);
        libxml_clear_errors();
        libxml_use_internal_errors($previous);
        if (!$loaded || !$doc->documentElement) {
            return null;
        }
        $xpath = new \DOMXPath($doc);
        $found = $xpath->query("/*[local-name()='manifest']/*[local-name()='metadata']/*[local-name()='schemaversion']");
        $schemaversion = $found && $found->length > 0 ? trim($found->item(0)->textContent) : '';
        $namespaces = [];
        foreach ($xpath->query('//namespace::*') ?: [] as $node) {
            $namespaces[] = $node->nodeValue;
        }
        return self::declared($schemaversion, $namespaces);
    }

    /**
     * The version from a schemaversion text ('' when absent) and the namespace URIs the manifest uses.
     *
     * @param string $schemaversion
     * @param string[] $namespaces
     * @return string|null SCORM_1.2, SCORM_1.3 or null
     */
    public static function declared(string $schemaversion, array $namespaces): ?string {
        if ($schemaversion !== '') {
            $declared = self::from_schemaversion($schemaversion);
            if ($declared !== null) {
                return $declared;
            }
            if (!preg_match('/1\.2|1\.3|2004/', $schemaversion)) {
                return null;
            }
        }
        return self::from_namespaces($namespaces);
    }

    /**
     * The version a schemaversion names, misspellings included; null when it names none.
     *
     * @param string $text
     * @return string|null
     */
    public static function from_schemaversion(string $text): ?string {
        $s = strtolower(trim($text));
        $s = preg_replace('/[_\s]+/', ' ', $s);
        $s = trim(preg_replace('/^(?:adl ?)?scorm ?/', '', $s));
        if (preg_match('/^(?:cam ?)?v?1\.2(?:\.0)?$/', $s) || $s === '12') {
            return 'SCORM_1.2';
        }
        if (preg_match('/^(?:cam ?)?v?1\.3(?:\.\d)?$/', $s)) {
            return 'SCORM_1.3';
        }
        if (preg_match('/^2004(?:\s*[-,]\s*|\s+|$)(.*)$/', $s, $m) && self::is_edition(trim($m[1]))) {
            return 'SCORM_1.3';
        }
        return null;
    }

    /**
     * Whether the rest after "2004" names an edition ("" included: no edition given).
     *
     * @param string $rest
     * @return bool
     */
    private static function is_edition(string $rest): bool {
        return $rest === '' || preg_match('/^\(?\s*(?:([234])\s*(?:st|nd|rd|th)?|(second|third|fourth))\s*' .
            '(?:ed(?:ition|iton|tion|itio|\.)?)?\s*\)?\.?$/', $rest) === 1;
    }

    /**
     * The version the namespaces point to; null when none is a SCORM one.
     *
     * @param string[] $namespaces
     * @return string|null
     */
    public static function from_namespaces(array $namespaces): ?string {
        $ns = array_map('strtolower', $namespaces);
        foreach ($ns as $n) {
            if (preg_match('/adlcp_v1p3|adlseq|adlnav|imsss|imscp_v1p1\b/', $n)) {
                return 'SCORM_1.3';
            }
        }
        foreach ($ns as $n) {
            if (preg_match('/adlcp_rootv1p2|imscp_rootv1p1p2/', $n)) {
                return 'SCORM_1.2';
            }
        }
        return null;
    }
}
