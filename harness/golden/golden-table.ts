// What `pnpm golden` prints: one row per scenario file, and the outcome that decides its exit code.
import path from "node:path";

export type ScenarioOutcome =
  | { kind: "out"; reason: string }
  | {
      kind: "judged";
      scope: string;
      differences: number;
      documented: number;
      undocumented: number;
      stale: number;
    }
  | { kind: "broken"; error: string };

export interface ScenarioRow {
  file: string;
  name: string;
  outcome: ScenarioOutcome;
  /** Why the row fails, in full (differences, stale entries, scope disagreements); empty when it passes. */
  message: string;
}

export const rowFails = (row: ScenarioRow): boolean => row.message !== "";

function cells(row: ScenarioRow): string[] {
  const o = row.outcome;
  const verdict = rowFails(row) ? "FAIL" : "ok";
  const base = [row.name, path.basename(row.file)];
  if (o.kind === "out") return [...base, "out", "", "", "", "", `${verdict} (not replayed: ${o.reason})`];
  if (o.kind === "broken") return [...base, "", "", "", "", "", `FAIL (replay broke: ${o.error})`];
  return [
    ...base,
    o.scope,
    String(o.differences),
    String(o.documented),
    String(o.undocumented),
    String(o.stale),
    verdict,
  ];
}

export function goldenTable(rows: readonly ScenarioRow[]): string {
  const header = [
    "scenario",
    "file",
    "scope",
    "differences",
    "documented",
    "undocumented",
    "stale",
    "result",
  ];
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const failed = rows.filter(rowFails).length;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
    `${rows.length} scenario(s), ${failed} with an undocumented difference or a stale entry`,
  ].join("\n");
}
