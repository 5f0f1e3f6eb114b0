// The property x bridge matrix as one static HTML page (every value escaped).
import type { BridgeMatrix } from "./bridge-matrix.ts";
import { escapeHtml } from "./html-escape.ts";

export function matrixPage(matrix: BridgeMatrix, generatedAt: Date): string {
  const head = matrix.bridges.map((b) => `<th>${escapeHtml(b)}</th>`).join("");
  const rows = matrix.rows
    .map((row) => {
      const cells = matrix.bridges
        .map((b) => {
          const cell = row.cells[b];
          if (!cell) return `<td class="none">-</td>`;
          const title = `${cell.startedAt}${cell.message ? `\n${cell.message.slice(0, 500)}` : ""}`;
          return `<td class="${escapeHtml(cell.status)}" title="${escapeHtml(title)}">${escapeHtml(cell.status)}</td>`;
        })
        .join("");
      return `<tr><th scope="row">${escapeHtml(row.id)}</th><td>${escapeHtml(row.title)}</td>${cells}</tr>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Property x bridge matrix</title>
<style>
body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
.passed{background:#d9f2d9}.failed{background:#f8d0d0}.skipped{background:#eee}.not-implemented{color:#888}
</style></head><body>
<h1>Property &times; bridge matrix</h1>
<p>Latest result of each property per bridge, generated ${escapeHtml(generatedAt.toISOString())}.</p>
<table><thead><tr><th>id</th><th>property</th>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}
