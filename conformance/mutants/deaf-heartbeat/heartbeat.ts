// Mutant: the LMS page still notices a frame reload or navigation, but pings only once an hour, so a closed
// port or a frozen frame is never noticed and the session silently stops saving (breaks P17).
import { watchChannel as referenceWatchChannel, type Heartbeat } from "../../../bridge/lms/heartbeat.ts";
import type { LmsToFrame } from "../../../bridge/protocol/messages.ts";

export type { Heartbeat };

export function watchChannel(
  iframe: HTMLIFrameElement,
  send: (message: LmsToFrame) => void,
  _intervalMs: number,
  onLost: (reason: string) => void,
): Heartbeat {
  return referenceWatchChannel(iframe, send, 3_600_000, onLost);
}
