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
 * Applies a launch's ops idempotently and in any order: an op already applied is skipped, an op older than one
 * already applied to the same element is superseded (last writer by sequence number wins), and the
 * acknowledgement is the highest sequence number below which every op has been seen. An op $refuse gives a reason
 * for is rejected: not written, yet seen (acknowledged, so it is not resent) and no later writer of its element.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class op_applier {
    /** @var int Longest element name the protocol carries. */
    const ELEMENT_LENGTH = 255;

    /** @var int Longest value the protocol carries. */
    const VALUE_LENGTH = 65536;

    /**
     * True for a well-formed op: a sequence number from 0, a cmi./adl. element name and a bounded value.
     *
     * @param array $op
     * @return bool
     */
    public static function is_op(array $op): bool {
        return $op['seq'] >= 0
            && strlen($op['element']) <= self::ELEMENT_LENGTH
            && preg_match('/^(cmi|adl)\.[A-Za-z0-9_.]+$/', $op['element'])
            && \core_text::strlen($op['value']) <= self::VALUE_LENGTH;
    }

    /**
     * Applies the ops, calling $write for each op to store.
     *
     * @param \stdClass $launch local_extscormbridge_launch row
     * @param array[] $ops
     * @param callable $write function(array $op): void
     * @param callable|null $refuse function(array $op): ?string, why the op may not be stored
     * @return array ['ackedseq' => int, 'applied' => int, 'duplicates' => int, 'superseded' => int,
     *     'rejected' => [['seq' => int, 'element' => string, 'reason' => string]]]
     */
    public static function apply(\stdClass $launch, array $ops, callable $write, ?callable $refuse = null): array {
        global $DB;
        $ahead = array_flip($DB->get_fieldset_select('local_extscormbridge_ahead', 'seq', 'launch = ?',
            [$launch->id]));
        $acked = (int) $launch->ackedseq;
        $result = ['ackedseq' => $acked, 'applied' => 0, 'duplicates' => 0, 'superseded' => 0, 'rejected' => []];
        usort($ops, function(array $a, array $b): int {
            return $a['seq'] <=> $b['seq'];
        });
        foreach ($ops as $op) {
            $seq = (int) $op['seq'];
            if ($seq <= $acked || isset($ahead[$seq])) {
                $result['duplicates']++;
                continue;
            }
            $ahead[$seq] = true;
            $reason = $refuse ? $refuse($op) : null;
            if ($reason !== null) {
                $result['rejected'][] = ['seq' => $seq, 'element' => $op['element'], 'reason' => $reason];
                continue;
            }
            $last = $DB->get_record('local_extscormbridge_opseq',
                ['launch' => $launch->id, 'element' => $op['element']]);
            if ($last && (int) $last->seq > $seq) {
                $result['superseded']++;
            } else {
                $write($op);
                if ($last) {
                    $DB->set_field('local_extscormbridge_opseq', 'seq', $seq, ['id' => $last->id]);
                } else {
                    $DB->insert_record('local_extscormbridge_opseq',
                        (object) ['launch' => $launch->id, 'element' => $op['element'], 'seq' => $seq]);
                }
                $result['applied']++;
            }
        }
        while (isset($ahead[$acked + 1])) {
            unset($ahead[++$acked]);
        }
        $DB->delete_records('local_extscormbridge_ahead', ['launch' => $launch->id]);
        foreach (array_keys($ahead) as $seq) {
            $DB->insert_record('local_extscormbridge_ahead', (object) ['launch' => $launch->id, 'seq' => $seq]);
        }
        $result['ackedseq'] = $acked;
        return $result;
    }
}
