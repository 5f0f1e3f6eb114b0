// `update-expectations`, the pure part: from a run's results and the bridge's current expectations file, the
// refreshed file. A failure no entry covers becomes a known divergence with a placeholder reason; a known
// divergence that now passes is removed; intermittents and entries for other runs (other conditions) stay.
import type { ResultsFile } from "../reporting/results-file.ts";
import { runInfo, type RunInfo } from "../reporting/run-info.ts";
import { actualStatus, runDay } from "./apply-expectations.ts";
import {
  EXPECTATIONS_FORMAT,
  ExpectationsError,
  PLACEHOLDER_REASON,
  forbiddenBridge,
  type Expectation,
  type ExpectationsFile,
} from "./expectations-format.ts";
import { expectationFor } from "./match-expectations.ts";

export interface ExpectationsUpdate {
  file: ExpectationsFile;
  added: string[];
  removed: string[];
  kept: string[];
  /** Kept, but past their expiry date: to renew or fix. */
  expired: string[];
}

export function newExpectationsFile(bridge: string): ExpectationsFile {
  return {
    format: EXPECTATIONS_FORMAT,
    about:
      `Known results of the ${bridge} bridge, applied by pnpm conformance to runs whose run_info matches "when"; ` +
      "CI gates on unexpected results only. Each entry says why. Refresh with pnpm conformance update-expectations.",
    expectations: [],
  };
}

export function updateExpectations(
  existing: ExpectationsFile | undefined,
  results: ResultsFile,
  info: RunInfo = runInfo(results.suite),
  day: string = runDay(results),
): ExpectationsUpdate {
  const bridge = results.suite.bridge;
  const forbidden = forbiddenBridge(bridge);
  if (forbidden)
    throw new ExpectationsError(`Not writing expectations for bridge "${bridge}": ${forbidden}.`);
  const base = existing ?? newExpectationsFile(bridge);
  let entries: Expectation[] = [...base.expectations];
  const update: Omit<ExpectationsUpdate, "file"> = { added: [], removed: [], kept: [], expired: [] };
  const added: Expectation[] = [];
  for (const p of results.properties) {
    const actual = actualStatus(p);
    if (actual === undefined) continue;
    const entry = expectationFor(p.id, entries, info);
    if (entry && entry.kind === "known-divergence" && actual === "PASS") {
      entries = entries.filter((e) => e !== entry);
      update.removed.push(p.id);
    } else if (entry) {
      update.kept.push(p.id);
      if (entry.expires !== undefined && day > entry.expires) update.expired.push(p.id);
    } else if (actual === "FAIL") {
      added.push({
        property: p.id,
        expected: ["FAIL"],
        when: { bridge },
        kind: "known-divergence",
        reason: PLACEHOLDER_REASON,
      });
      update.added.push(p.id);
    }
  }
  // A new entry only names the bridge, so it goes before the property's existing entries: a later, narrower
  // entry (say for one stack) keeps overriding it.
  const expectations = [...added, ...entries].sort((a, b) => a.property.localeCompare(b.property));
  return { file: { ...base, expectations }, ...update };
}
