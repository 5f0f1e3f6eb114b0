// On pagehide or when the page is hidden, hands the outbox to the browser with fetch(keepalive), which
// outlives the page but carries at most 64 KiB in flight: the latest value of each element only, status, score,
// location and time first. Whatever does not fit stays in the outbox for the next launch.
import type { Op } from "../protocol/messages.ts";
import { COMMIT_METHOD, commitRequestBody, type LmsApiClient } from "./lms-api-client.ts";
import type { Outbox } from "./outbox.ts";

export const KEEPALIVE_BUDGET_BYTES = 60 * 1024;

const PRIORITY = [
  /^cmi\.(core\.)?lesson_status$|^cmi\.(completion|success)_status$/,
  /^cmi\.(core\.)?score\./,
  /^cmi\.(core\.)?(lesson_)?location$/,
  /^cmi\.(core\.)?(session|total)_time$|^cmi\.(core\.)?exit$/,
];

const rank = (element: string): number => {
  const i = PRIORITY.findIndex((re) => re.test(element));
  return i === -1 ? PRIORITY.length : i;
};

/** The latest op of each element, most important first, as many as fit in `budgetBytes` of request body. */
export function unloadBatch(launchid: string, ops: readonly Op[], budgetBytes: number): Op[] {
  const latest = new Map<string, Op>();
  for (const op of ops) latest.set(op.element, op);
  const ordered = [...latest.values()].sort((a, b) => rank(a.element) - rank(b.element) || a.seq - b.seq);
  const encoder = new TextEncoder();
  // The body is the empty request plus each op's JSON, comma separated: sized op by op, not re-encoded whole.
  let size = encoder.encode(commitRequestBody(launchid, [], false)).byteLength;
  const chosen: Op[] = [];
  for (const op of ordered) {
    const opSize = encoder.encode(JSON.stringify(op)).byteLength + (chosen.length > 0 ? 1 : 0);
    if (size + opSize > budgetBytes) continue;
    size += opSize;
    chosen.push(op);
  }
  return chosen.sort((a, b) => a.seq - b.seq);
}

export function installUnloadFlush(win: Window, outbox: Outbox, client: LmsApiClient): void {
  const flushed = new Map<string, string>();
  const flush = (): void => {
    let budget = KEEPALIVE_BUDGET_BYTES;
    for (const launchid of outbox.launchIds()) {
      const pending = outbox.pending(launchid);
      const batch = unloadBatch(launchid, pending, budget);
      // Terminate may travel only if the batch carries the latest value of every element changed.
      const everything = batch.length === new Set(pending.map((op) => op.element)).size;
      const terminate = everything && outbox.isTerminating(launchid);
      if (batch.length === 0 && !terminate) break;
      const body = commitRequestBody(launchid, batch, terminate);
      if (flushed.get(launchid) === body) continue;
      budget -= new TextEncoder().encode(body).byteLength;
      flushed.set(launchid, body);
      void fetch(client.serviceUrl(COMMIT_METHOD), {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body,
      }).catch(() => undefined);
    }
  };
  win.addEventListener("pagehide", flush);
  win.document.addEventListener("visibilitychange", () => {
    if (win.document.visibilityState === "hidden") flush();
  });
}
