// The property x bridge matrix: for each bridge, the latest result of each property across the given runs.
import { PROPERTIES } from "../properties/registry.ts";
import type { PropertyStatus, ResultsFile } from "./results-file.ts";

export interface MatrixCell {
  status: PropertyStatus;
  startedAt: string;
  message: string;
}

export interface BridgeMatrix {
  bridges: string[];
  rows: { id: string; title: string; cells: Record<string, MatrixCell | undefined> }[];
}

export function bridgeMatrix(runs: ResultsFile[]): BridgeMatrix {
  const ordered = [...runs].sort((a, b) => a.suite.startedAt.localeCompare(b.suite.startedAt));
  const bridges = [...new Set(ordered.map((r) => r.suite.bridge))].sort((a, b) =>
    a === "reference" ? -1 : b === "reference" ? 1 : a.localeCompare(b),
  );
  const latest = new Map<string, MatrixCell>();
  for (const run of ordered)
    for (const p of run.properties) {
      const key = `${run.suite.bridge}\u0000${p.id}`;
      // A run that did not select a property says nothing new about it.
      if (p.status === "skipped" && latest.has(key)) continue;
      latest.set(key, { status: p.status, startedAt: run.suite.startedAt, message: p.message });
    }
  return {
    bridges,
    rows: PROPERTIES.map((meta) => ({
      id: meta.id,
      title: meta.title,
      cells: Object.fromEntries(bridges.map((b) => [b, latest.get(`${b}\u0000${meta.id}`)])),
    })),
  };
}
