// Delay before retry number n: the configured schedule (last entry repeating), with +/- jitter.
export function retryDelay(
  attempt: number,
  scheduleMs: readonly number[],
  jitter: number,
  random: () => number = Math.random,
): number {
  const base = scheduleMs[Math.min(attempt, scheduleMs.length - 1)] ?? 1_000;
  const spread = base * jitter;
  return Math.max(0, Math.round(base - spread + 2 * spread * random()));
}
