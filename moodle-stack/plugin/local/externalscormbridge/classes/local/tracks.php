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
require_once($CFG->dirroot . '/mod/scorm/locallib.php');

/**
 * mod_scorm's tracking storage on both schemas: scorm_scoes_track (4.1, 4.2) and scorm_attempt / scorm_element /
 * scorm_scoes_value (4.3+). Writes always go through scorm_insert_track, so grades, completion, events and
 * reports stay mod_scorm's own.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class tracks {
    /**
     * True on the 4.3+ schema.
     *
     * @return bool
     */
    public static function has_attempt_table(): bool {
        return function_exists('scorm_get_attempt');
    }

    /**
     * scorm_attempt.id of the attempt (created if missing) on 4.3+, the attempt number before.
     *
     * @param int $userid
     * @param int $scormid
     * @param int $attempt
     * @return int
     */
    public static function attempt_id(int $userid, int $scormid, int $attempt): int {
        return self::has_attempt_table() ? (int) scorm_get_attempt($userid, $scormid, $attempt)->id : $attempt;
    }

    /**
     * False once a teacher deleted the launch's attempt or reset the course (4.3+).
     *
     * @param \stdClass $launch
     * @return bool
     */
    public static function attempt_exists(\stdClass $launch): bool {
        global $DB;
        return !self::has_attempt_table() || $DB->record_exists('scorm_attempt', ['id' => $launch->attemptid]);
    }

    /**
     * Stored values of a SCO in an attempt, mod_scorm's element spelling, still sealed.
     *
     * @param int $userid
     * @param int $scormid
     * @param int $scoid
     * @param int $attempt
     * @return array element => value
     */
    public static function raw_values(int $userid, int $scormid, int $scoid, int $attempt): array {
        global $DB;
        $params = ['userid' => $userid, 'scormid' => $scormid, 'scoid' => $scoid, 'attempt' => $attempt];
        if (self::has_attempt_table()) {
            $sql = "SELECT v.id, e.element, v.value
                      FROM {scorm_scoes_value} v
                      JOIN {scorm_attempt} a ON a.id = v.attemptid
                      JOIN {scorm_element} e ON e.id = v.elementid
                     WHERE a.userid = :userid AND a.scormid = :scormid AND v.scoid = :scoid AND a.attempt = :attempt
                  ORDER BY v.id";
        } else {
            $sql = "SELECT id, element, value
                      FROM {scorm_scoes_track}
                     WHERE userid = :userid AND scormid = :scormid AND scoid = :scoid AND attempt = :attempt
                  ORDER BY id";
        }
        $values = [];
        foreach ($DB->get_records_sql($sql, $params) as $row) {
            $values[$row->element] = $row->value;
        }
        return $values;
    }

    /**
     * Stored values, SCORM element names, decrypted; none when a value cannot be decrypted (lost or replaced
     * site key), so that the learner restarts cleanly.
     *
     * @param int $userid
     * @param int $scormid
     * @param int $scoid
     * @param int $attempt
     * @param string $version 1.2 or 2004
     * @param \context_module|null $logcontext where to log an unreadable value (a launch), or null not to log it
     * @return array element => value
     */
    public static function opened_values(int $userid, int $scormid, int $scoid, int $attempt, string $version,
            ?\context_module $logcontext = null): array {
        $opened = [];
        foreach (self::raw_values($userid, $scormid, $scoid, $attempt) as $element => $value) {
            try {
                $opened[self::from_stored((string) $element, $version)] = sealed_values::open($value);
            } catch (\moodle_exception $e) {
                if ($logcontext) {
                    \local_externalscormbridge\event\stored_value_unreadable::create([
                        'context' => $logcontext,
                        'objectid' => self::attempt_id($userid, $scormid, $attempt),
                        'other' => ['element' => (string) $element, 'errorcode' => $e->errorcode],
                    ])->trigger();
                }
                return [];
            }
        }
        return $opened;
    }

    /**
     * The launch's SCO values in its attempt, SCORM element names.
     *
     * @param \stdClass $launch
     * @param string $version
     * @return array element => value
     */
    public static function stored_values(\stdClass $launch, string $version): array {
        return self::opened_values((int) $launch->userid, (int) $launch->scormid, (int) $launch->scoid,
            (int) $launch->attempt, $version);
    }

    /**
     * scorm_insert_track for the launch's SCO and attempt from a SCORM element name (sealed when configured; an
     * unchanged plaintext is not rewritten, as scorm_insert_track compares values).
     *
     * @param \stdClass $launch
     * @param \stdClass $scorm
     * @param string $version
     * @param string $element
     * @param string $value
     */
    public static function store(\stdClass $launch, \stdClass $scorm, string $version, string $element,
            string $value): void {
        $stored = self::to_stored($element, $version);
        $sealed = sealed_values::seal($stored, $value);
        if ($sealed !== $value && (self::stored_values($launch, $version)[$element] ?? null) === $value) {
            return;
        }
        scorm_insert_track((int) $launch->userid, (int) $scorm->id, (int) $launch->scoid, (int) $launch->attempt,
            $stored, $sealed, (bool) $scorm->forcecompleted);
    }

    /**
     * scorm_scoes_data of a SCO.
     *
     * @param int $scoid
     * @return array name => value
     */
    public static function sco_data(int $scoid): array {
        global $DB;
        return $DB->get_records_menu('scorm_scoes_data', ['scoid' => $scoid], '', 'name, value');
    }

    /**
     * mod_scorm's spelling: 1.2 array members with underscores (cmi.interactions.0.id -> cmi.interactions_0.id).
     *
     * @param string $element
     * @param string $version
     * @return string
     */
    public static function to_stored(string $element, string $version): string {
        return $version === '1.2' ? preg_replace('/\.(\d+)(?=\.)/', '_$1', $element) : $element;
    }

    /**
     * The SCORM element name of a stored one.
     *
     * @param string $element
     * @param string $version
     * @return string
     */
    public static function from_stored(string $element, string $version): string {
        return $version === '1.2' ? preg_replace('/_(\d+)(?=\.)/', '.$1', $element) : $element;
    }
}
