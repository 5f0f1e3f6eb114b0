// Polls a synchronous check (an in-process SQL read of the twin) on every turn of the event loop, so the
// twin's HTTP handlers keep running between checks, until it yields a value or the deadline passes.
import { nowMs } from "./clock.ts";

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Resolves with the first non-undefined value and the time it was seen, or undefined on timeout. */
export async function pollUntil<T>(
  check: () => T | undefined,
  timeoutMs: number,
): Promise<{ value: T; at: number } | undefined> {
  const deadline = nowMs() + timeoutMs;
  for (;;) {
    const value = check();
    const at = nowMs();
    if (value !== undefined) return { value, at };
    if (at > deadline) return undefined;
    await nextTurn();
  }
}
