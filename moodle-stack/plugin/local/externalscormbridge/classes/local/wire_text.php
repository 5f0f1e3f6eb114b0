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
 * Text that crosses Moodle's web-service layer intact (the bridge's bridge/protocol/wire-text.ts). fix_utf8 deletes
 * U+0000, U+FFFE and U+FFFF from every PARAM_RAW string of a call and of its answer, so a value holding one travels
 * escaped, flagged enc "u": each of the three as \u0000, \ufffe, \uffff and a backslash as \\ (all ASCII).
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class wire_text {
    /** @var string[] escape => text */
    const ESCAPES = ['\\\\' => '\\', '\\u0000' => "\0", '\\ufffe' => "\u{FFFE}", '\\uffff' => "\u{FFFF}"];

    /**
     * A value as it travels: ['value' => ...] or, when it holds a character fix_utf8 deletes, escaped with 'enc' => 'u'.
     *
     * @param string $value
     * @return array
     */
    public static function encode(string $value): array {
        if (!preg_match('/[\x{0000}\x{FFFE}\x{FFFF}]/u', $value)) {
            return ['value' => $value];
        }
        return ['value' => strtr($value, array_flip(self::ESCAPES)), 'enc' => 'u'];
    }

    /**
     * The text a wire value stands for; null when enc is unknown or an escape is not the encoder's.
     *
     * @param string $value
     * @param string|null $enc
     * @return string|null
     */
    public static function decode(string $value, ?string $enc): ?string {
        if ($enc === null) {
            return $value;
        }
        if ($enc !== 'u') {
            return null;
        }
        // Every backslash must start one of the encoder's escapes.
        if (preg_match('/\\\\(?!\\\\|u0000|ufffe|uffff)/', preg_replace('/\\\\\\\\/', '', $value))) {
            return null;
        }
        return strtr($value, self::ESCAPES);
    }
}
