// How a property's result reads once expectations are applied: the summary table's status cell and the line the
// CLI prints for each result CI has to know about.
import type { PropertyResult } from "../reporting/results-file.ts";

const KIND_TEXT = { "known-divergence": "known divergence", "known-intermittent": "known intermittent" };

/** "failed", "failed (expected: known divergence)", "passed (UNEXPECTED: known divergence fixed)", ... */
export function statusCell(p: PropertyResult): string {
  const e = p.expectation;
  if (!e) return p.status;
  const kind = KIND_TEXT[e.kind];
  if (e.expired) return `${p.status} (${p.expected ? "" : "UNEXPECTED: "}${kind} expired ${e.expires})`;
  if (p.expected) return `${p.status} (expected: ${kind})`;
  return `${p.status} (UNEXPECTED: ${kind}${p.status === "passed" ? " fixed" : ""})`;
}

/** One line about a property whose result involved an expectation or is unexpected; undefined otherwise. */
export function outcomeLine(p: PropertyResult, resultsFile: string): string | undefined {
  const e = p.expectation;
  if (p.status === "failed" && p.expected !== true) {
    const replay = /replay: (.*)/.exec(p.message)?.[1];
    const expiry = e?.expired
      ? `; its ${KIND_TEXT[e.kind]} entry in ${e.source} expired on ${e.expires}: fix it or renew the entry`
      : "";
    return `${p.id} failed${expiry}${replay ? `; replay with: ${replay}` : ""}`;
  }
  if (!e) return undefined;
  if (e.expired)
    return `${p.id} ${p.status}; its ${KIND_TEXT[e.kind]} entry in ${e.source} expired on ${e.expires}: remove or renew it`;
  if (p.status === "passed" && p.expected === false)
    return (
      `${p.id} passed UNEXPECTEDLY: the ${KIND_TEXT[e.kind]} listed in ${e.source} no longer occurs. ` +
      `Remove the entry: pnpm conformance update-expectations --from ${resultsFile} --out ${e.source}`
    );
  return p.expected
    ? `${p.id} ${p.status} as expected (${KIND_TEXT[e.kind]}, ${e.source}): ${e.reason}`
    : undefined;
}
