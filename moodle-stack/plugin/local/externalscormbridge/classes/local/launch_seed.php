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
 * What the runtime starts with, as mod_scorm's get_scorm_default() computes it: learner identity, entry, credit
 * and mode, manifest data, and the stored values of the attempt (1.2 always; 2004 only after a suspend).
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class launch_seed {
    /** @var string Elements never handed back: mod_scorm's bookkeeping and write-only session values. */
    const NOT_RELOADED = '/^(x\.|adl\.nav\.)|^cmi\.(core\.)?(session_time|exit)$/';

    /**
     * The seed as [['element' => ..., 'value' => ...]].
     *
     * @param string $version 1.2 or 2004
     * @param \stdClass $user
     * @param array $stored element => value, SCORM element names
     * @param array $scodata scorm_scoes_data name => value
     * @return array[]
     */
    public static function build(string $version, \stdClass $user, array $stored, array $scodata): array {
        $fullname = trim($user->firstname . ' ' . $user->lastname);
        $seed = [];
        if ($version === '1.2') {
            $exit = $stored['cmi.core.exit'] ?? '';
            $entry = !array_key_exists('cmi.core.lesson_status', $stored) ? 'ab-initio' : ($exit === 'suspend' ? 'resume' : '');
            $seed['cmi.core.student_id'] = $user->username;
            $seed['cmi.core.student_name'] = $fullname;
            $seed['cmi.core.entry'] = $entry;
            $seed['cmi.core.credit'] = 'credit';
            $seed['cmi.core.lesson_mode'] = 'normal';
            if (!empty($scodata['datafromlms'])) {
                $seed['cmi.launch_data'] = $scodata['datafromlms'];
            }
            if (!empty($scodata['masteryscore'])) {
                $seed['cmi.student_data.mastery_score'] = $scodata['masteryscore'];
            }
            $reload = true;
        } else {
            $resume = ($stored['cmi.exit'] ?? '') === 'suspend';
            $seed['cmi.learner_id'] = $user->username;
            $seed['cmi.learner_name'] = $fullname;
            $seed['cmi.entry'] = $resume ? 'resume' : 'ab-initio';
            $seed['cmi.credit'] = 'credit';
            $seed['cmi.mode'] = 'normal';
            if (!empty($scodata['datafromlms'])) {
                $seed['cmi.launch_data'] = $scodata['datafromlms'];
            }
            $threshold = ($scodata['threshold'] ?? '') ?: ($scodata['completionthreshold'] ?? '');
            if ($threshold !== '') {
                $seed['cmi.completion_threshold'] = $threshold;
            }
            $reload = $resume;
        }
        if ($reload) {
            foreach ($stored as $element => $value) {
                if (!preg_match(self::NOT_RELOADED, $element)) {
                    $seed[$element] = $value;
                }
            }
        }
        $rows = [];
        foreach ($seed as $element => $value) {
            $rows[] = ['element' => (string) $element, 'value' => (string) $value];
        }
        return $rows;
    }
}
