// P12 Data model mapping.
// Requirement: the 1.2 <-> 2004 mapping the bridge uses for reports, export and mixed-version courses is total on
// valid values and consistent: status <-> (completion, success), raw <-> scaled given min/max, CMITimespan <->
// ISO 8601 durations (equal total seconds), location, exit, interaction types and results (wrong <-> incorrect).
// Round trips are identities where nothing is lost; where something is lost, the loss is reported and is one the
// data models force.
// Observes: the bridge's own mapping module from its build (`mapping.mjs`, exporting mapRecord), never its source.
import assert from "node:assert/strict";
import { test } from "../../harness/browser/fixtures.ts";
import {
  loadBridgeMapping,
  type BridgeMapping,
  type MappedSession,
} from "../../harness/bridges/load-bridge-mapping.ts";
import {
  counterpart,
  mayLose,
  status12To2004,
  status2004To12,
  STATUS_ELEMENTS,
  type Version,
} from "../../harness/oracles/scorm-mapping-rules.ts";
import { sameReal, sameScormValue } from "../../harness/oracles/scorm-value-compare.ts";
import { requireProperty, propertyTestTitle } from "../../harness/properties/property-meta.ts";
import { runProperty } from "../../harness/properties/run-property.ts";
import { sessionRecordArbitrary, type SessionRecord } from "../generators/session-record-arbitrary.ts";

const META = requireProperty("P12");
const other = (v: Version): Version => (v === "1.2" ? "2004" : "1.2");

function mapped(mapping: BridgeMapping, from: Version, pairs: Array<[string, string]>): MappedSession {
  try {
    return mapping.mapRecord(from, pairs);
  } catch (error) {
    throw new Error(`mapRecord(${from}) refused a valid record: ${String(error)}`, { cause: error });
  }
}

function checkStatus(
  from: Version,
  source: Map<string, string>,
  target: Map<string, string>,
  lost: Set<string>,
) {
  if (from === "1.2") {
    const status = source.get("cmi.core.lesson_status");
    if (status === undefined || lost.has("cmi.core.lesson_status")) return;
    const want = status12To2004(status);
    assert.ok(want, `lesson_status ${status} mapped without a reported loss`);
    assert.deepEqual(
      [target.get("cmi.completion_status"), target.get("cmi.success_status")],
      want,
      `lesson_status ${status}`,
    );
    return;
  }
  const completion = source.get("cmi.completion_status");
  const success = source.get("cmi.success_status");
  if ((completion === undefined && success === undefined) || STATUS_ELEMENTS["2004"].some((e) => lost.has(e)))
    return;
  const want = status2004To12(completion, success);
  assert.ok(want, `(${completion}, ${success}) mapped without a reported loss`);
  assert.equal(target.get("cmi.core.lesson_status"), want, `(${completion}, ${success})`);
}

/** Every source element reaches its counterpart with the related value, or is reported lost where SCORM forces it. */
function checkLeg(from: Version, source: Map<string, string>, result: MappedSession): Set<string> {
  assert.equal(result.version, other(from), "target version");
  const target = new Map(result.pairs);
  const lost = new Set<string>();
  for (const loss of result.losses) {
    assert.ok(source.has(loss.element), `loss reported for ${loss.element}, which the record does not hold`);
    assert.ok(loss.reason.trim().length > 0, `loss of ${loss.element} without a reason`);
    assert.ok(
      mayLose(from, loss.element, source.get(loss.element) ?? "", source),
      `${loss.element}=${JSON.stringify(source.get(loss.element))} reported lost: ${loss.reason}`,
    );
    lost.add(loss.element);
  }
  checkStatus(from, source, target, lost);
  for (const [element, value] of source) {
    const cp = counterpart(from, element);
    if (!cp || lost.has(element)) continue;
    const got = target.get(cp.element);
    assert.ok(
      got !== undefined,
      `${element}=${JSON.stringify(value)} has no ${cp.element} and no reported loss`,
    );
    assert.ok(
      cp.related(value, got),
      `${element}=${JSON.stringify(value)} became ${cp.element}=${JSON.stringify(got)}`,
    );
  }
  return lost;
}

function checkScaled(source: Map<string, string>, target: Map<string, string>) {
  const [raw, min, max] = ["raw", "min", "max"].map((k) => source.get(`cmi.core.score.${k}`));
  if (raw === undefined || min === undefined || max === undefined || !(Number(min) < Number(max))) return;
  const want = Math.min(1, Math.max(-1, (Number(raw) - Number(min)) / (Number(max) - Number(min))));
  const got = target.get("cmi.score.scaled");
  assert.ok(
    got !== undefined && sameReal(got, String(want), 1e-6),
    `scaled of ${raw} in [${min}, ${max}] is ${got}, want ${want}`,
  );
}

async function check(mapping: BridgeMapping, record: SessionRecord) {
  const from = record.version;
  const source = new Map(record.pairs);
  const there = mapped(mapping, from, record.pairs);
  const lostThere = checkLeg(from, source, there);
  const target = new Map(there.pairs);
  if (from === "1.2") checkScaled(source, target);

  const back = mapped(mapping, other(from), there.pairs);
  const lostBack = new Set(back.losses.map((l) => l.element));
  const returned = new Map(back.pairs);
  for (const [element, value] of source) {
    const cp = counterpart(from, element);
    if (!cp || lostThere.has(element) || lostBack.has(cp.element)) continue;
    const again = returned.get(element);
    assert.ok(
      again !== undefined && sameScormValue(value, again),
      `round trip of ${element}: ${JSON.stringify(value)} came back as ${JSON.stringify(again)}`,
    );
  }
  const status = STATUS_ELEMENTS[from];
  if (!status.some((e) => lostThere.has(e)) && !STATUS_ELEMENTS[other(from)].some((e) => lostBack.has(e)))
    for (const e of status)
      if (source.has(e) && !(from === "2004" && source.get(e) === "unknown"))
        assert.equal(returned.get(e), source.get(e), `round trip of ${e}`);
}

const EXAMPLES: SessionRecord[] = [
  {
    version: "1.2",
    pairs: [
      ["cmi.core.lesson_status", "passed"],
      ["cmi.core.score.raw", "85.5"],
      ["cmi.core.score.min", "0"],
      ["cmi.core.score.max", "100"],
      ["cmi.core.session_time", "0001:02:03.45"],
      ["cmi.interactions.0.id", "q1"],
      ["cmi.interactions.0.type", "sequencing"],
      ["cmi.interactions.0.result", "wrong"],
      ["cmi.interactions.0.latency", "00:00:07.5"],
    ],
  },
  {
    version: "2004",
    pairs: [
      ["cmi.completion_status", "incomplete"],
      ["cmi.success_status", "unknown"],
      ["cmi.session_time", "P2DT3H4M5.06S"],
      ["cmi.exit", "normal"],
      ["cmi.interactions.0.id", "q1"],
      ["cmi.interactions.0.type", "long-fill-in"],
      ["cmi.interactions.0.result", "incorrect"],
    ],
  },
];

test(propertyTestTitle(META), async ({ builtBridge }, testInfo) => {
  const mapping = await loadBridgeMapping(builtBridge.mapping);
  await runProperty(testInfo, META, sessionRecordArbitrary(), (record) => check(mapping, record), {
    defaultRuns: 1000,
    examples: EXAMPLES,
  });
});
