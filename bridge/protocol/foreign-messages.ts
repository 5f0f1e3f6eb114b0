// Counts and logs every window message the bridge ignores (wrong origin, wrong window, bad nonce, replayed
// handshake, anything after the handshake), so a refusal is visible in the console and countable.
export interface ForeignMessageLog {
  ignored: number;
}

export function reportForeignMessage(
  log: ForeignMessageLog,
  side: "frame" | "lms",
  origin: string,
  reason: string,
): void {
  log.ignored += 1;
  console.warn(
    `[bridge] ${side} ignored message #${log.ignored} from ${origin || "an opaque origin"}: ${reason}`,
  );
}
