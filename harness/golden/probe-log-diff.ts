// Informational: where the SCO saw other return values or error codes than under Moodle's own player (not asserted).
import type { ProbeResult } from "../probe/probe-client.ts";
import { isValueSummary } from "./generated-values.ts";
import type { ReplayedSession } from "./replayer.ts";
import type { GoldenScenario } from "./scenario-types.ts";
import { comparable, type ShownValue } from "./stored-values-diff.ts";

export interface ApiDifference {
  sco: string;
  session: number;
  call: number;
  fn: string;
  native: { ret: ShownValue | null; err: string | null };
  bridge: { ret: ShownValue | null; err: string | null };
}

/** Learner identity differs by construction (other user names). */
const IDENTITY = /^cmi\.(core\.student_(id|name)|learner_(id|name))$/;

const measure = (v: unknown): { len: number; fnv: string } | null => {
  if (typeof v === "string") return comparable(v);
  if (isValueSummary(v)) return v;
  return v === undefined || v === null ? null : comparable(String(v));
};

const shownOf = (v: unknown): ShownValue | null => {
  if (typeof v === "string") return comparable(v).shown;
  if (isValueSummary(v)) return { len: v.len, fnv: v.fnv, head: v.head ?? "", tail: v.tail ?? "" };
  return v === undefined || v === null ? null : String(v);
};

function same(a: unknown, b: unknown): boolean {
  const ma = measure(a);
  const mb = measure(b);
  return ma === null || mb === null ? ma === mb : ma.len === mb.len && ma.fnv === mb.fnv;
}

export function apiDifferences(s: GoldenScenario, sessions: readonly ReplayedSession[]): ApiDifference[] {
  const logs = s.probe_log ?? [];
  const out: ApiDifference[] = [];
  for (const session of sessions) {
    const log = logs.find((l) => l.sco === session.sco && l.session === session.session);
    if (!log) continue;
    for (const native of log.calls) {
      const ours: ProbeResult | undefined = session.results[native.i];
      if (!ours) continue;
      if (/GetValue$/.test(ours.fn) && IDENTITY.test(String(ours.args[0]))) continue;
      const nativeErr = native.err === undefined || native.err === null ? null : String(native.err);
      if (same(ours.ret, native.ret) && (nativeErr === null || nativeErr === ours.err)) continue;
      out.push({
        sco: session.sco,
        session: session.session,
        call: native.i,
        fn: `${ours.fn}(${ours.args.map((a) => JSON.stringify(comparable(a).shown)).join(", ")})`,
        native: { ret: shownOf(native.ret), err: nativeErr },
        bridge: { ret: shownOf(ours.ret), err: ours.err },
      });
    }
  }
  return out;
}
