// Merges the results.json of several shards (or machines) of one run into one: per property, a failure anywhere
// wins, then a pass, then skipped, then not-implemented.
import type { PropertyResult, PropertyStatus, ResultsFile } from "./results-file.ts";

const RANK: Record<PropertyStatus, number> = { failed: 3, passed: 2, skipped: 1, "not-implemented": 0 };

function mergeProperty(a: PropertyResult, b: PropertyResult): PropertyResult {
  return RANK[b.status] > RANK[a.status] ? b : a;
}

export function mergeResults(files: ResultsFile[]): ResultsFile {
  if (files.length === 0) throw new Error("nothing to merge: no results.json given");
  const [first, ...rest] = files as [ResultsFile, ...ResultsFile[]];
  for (const f of rest) {
    if (f.suite.bridge !== first.suite.bridge || f.suite.stack !== first.suite.stack)
      throw new Error(
        `cannot merge runs of different bridges or stacks: ${first.suite.bridge}/${first.suite.stack} and ${f.suite.bridge}/${f.suite.stack}`,
      );
  }
  const starts = files.map((f) => Date.parse(f.suite.startedAt)).filter(Number.isFinite);
  const ends = files.map((f) => Date.parse(f.suite.startedAt) + f.suite.durationMs).filter(Number.isFinite);
  const startedAt = starts.length ? Math.min(...starts) : 0;
  const byId = new Map<string, PropertyResult>();
  for (const f of files)
    for (const p of f.properties) byId.set(p.id, byId.has(p.id) ? mergeProperty(byId.get(p.id)!, p) : p);
  return {
    suite: {
      ...first.suite,
      startedAt: new Date(startedAt).toISOString(),
      durationMs: ends.length ? Math.max(...ends) - startedAt : 0,
    },
    properties: first.properties.map((p) => byId.get(p.id)!),
  };
}
