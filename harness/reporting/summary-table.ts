// The per-property table the CLI prints at the end of a run.
import { statusCell } from "../expectations/outcome-text.ts";
import type { ResultsFile } from "./results-file.ts";

export function summaryTable(results: ResultsFile): string {
  const rows = results.properties.map((p) => [
    p.id,
    p.title,
    statusCell(p),
    p.runs === null ? "" : String(p.runs),
    p.durationMs ? `${(p.durationMs / 1000).toFixed(1)}s` : "",
  ]);
  const header = ["id", "property", "status", "runs", "time"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const counts = new Map<string, number>();
  for (const p of results.properties) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const totals = ["passed", "failed", "skipped", "not-implemented"]
    .map((s) => `${counts.get(s) ?? 0} ${s}`)
    .join(", ");
  const judged = results.properties.some((p) => p.expected !== undefined);
  const unexpected = results.properties.filter((p) => p.expected === false).length;
  return [
    `bridge ${results.suite.bridge} on ${results.suite.stack}, ${(results.suite.durationMs / 1000).toFixed(1)}s`,
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    judged ? `${totals}; ${unexpected} unexpected` : totals,
  ].join("\n");
}
