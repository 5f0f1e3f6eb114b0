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
 * Encryption at rest with Moodle's encryption API: suspend_data and the elements the admin names sensitive are
 * stored encrypted with the site key, and opened for the launch seed, finish semantics and authorized views.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class sealed_values {
    /** @var string Always encrypted when encryption is on. */
    const SUSPEND_DATA = 'cmi.suspend_data';

    /**
     * Why a "sensitive elements" setting is refused (a name that is no data model element, or one mod_scorm must
     * read in plaintext for grading and completion), or null when it is valid.
     *
     * @param string $value names separated by white space or commas
     * @return string|null
     */
    public static function sensitive_elements_error(string $value): ?string {
        $readbyscorm = '/^cmi\.(core\.)?(lesson_status|completion_status|success_status|total_time|score(\.(raw|min|max|scaled))?)$/';
        foreach (preg_split('/[\s,]+/', $value, -1, PREG_SPLIT_NO_EMPTY) as $name) {
            if (!preg_match('/^cmi(\.(?:[a-z_]+|n|\d+))+$/', $name)) {
                return get_string('errelementname', 'local_externalscormbridge', s($name));
            }
            if (preg_match($readbyscorm, $name)) {
                return get_string('errelementgraded', 'local_externalscormbridge', s($name));
            }
        }
        return null;
    }

    /**
     * True when the stored element is sealed under the current settings.
     *
     * @param string $storedelement mod_scorm's element spelling
     * @return bool
     */
    public static function is_sealed(string $storedelement): bool {
        if (!get_config('local_externalscormbridge', 'encryptatrest')) {
            return false;
        }
        if ($storedelement === self::SUSPEND_DATA) {
            return true;
        }
        $names = preg_split('/[\s,]+/', (string) get_config('local_externalscormbridge', 'sensitiveelements'), -1,
            PREG_SPLIT_NO_EMPTY);
        foreach ($names as $name) {
            if (preg_match(self::stored_name_pattern($name), $storedelement)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value to store: encrypted when the element is sealed.
     *
     * @param string $storedelement
     * @param string $value
     * @return string
     */
    public static function seal(string $storedelement, string $value): string {
        return self::is_sealed($storedelement) ? \core\encryption::encrypt($value) : $value;
    }

    /**
     * The plaintext of a stored value (values without an encryption prefix are plaintext).
     *
     * @param string $stored
     * @return string
     * @throws \moodle_exception encryption_decryptfailed, encryption_wrongmethod
     */
    public static function open(string $stored): string {
        return preg_match('/^(sodium|openssl-aes-256-ctr):/', $stored) ? \core\encryption::decrypt($stored) : $stored;
    }

    /**
     * A regex matching both stored spellings of a sensitive element name ("n" is any collection index).
     *
     * @param string $name
     * @return string
     */
    private static function stored_name_pattern(string $name): string {
        $parts = array_map(function(string $part): string {
            return $part === 'n' ? '\d+' : preg_quote($part, '/');
        }, explode('.', $name));
        $pattern = array_shift($parts);
        foreach ($parts as $part) {
            $pattern .= ($part === '\d+' ? '[._]' : '\.') . $part;
        }
        return '/^' . $pattern . '$/';
    }
}
