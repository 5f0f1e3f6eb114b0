// The readable table `pnpm bench` prints: metric, value, target, met.
import type { Metric } from "./metric.ts";

function formatValue(m: Metric): string {
  if (m.unit === "bool") return m.value === 1 ? "yes" : "no";
  const digits = Number.isInteger(m.value) ? 0 : Math.abs(m.value) >= 100 ? 1 : 2;
  return `${m.value.toFixed(digits)} ${m.unit}`;
}

const formatMet = (met: boolean | null): string => (met === null ? "-" : met ? "yes" : "no");

export function benchTable(metrics: Metric[]): string {
  const header = ["metric", "value", "target", "met"];
  const rows = metrics.map((m) => [m.name, formatValue(m), m.target || "-", formatMet(m.met)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const targeted = metrics.filter((m) => m.met !== null);
  const met = targeted.filter((m) => m.met).length;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    `${met} of ${targeted.length} targets met`,
  ].join("\n");
}
