// Watches the channel to the frame: pings on an interval and declares the channel lost after two unanswered
// pings, or as soon as the frame's iframe loads another document (reload, navigation).
import type { LmsToFrame } from "../protocol/messages.ts";

export interface Heartbeat {
  /** Call with each pong the frame sends. */
  pong(n: number): void;
  stop(): void;
}

export function watchChannel(
  iframe: HTMLIFrameElement,
  send: (message: LmsToFrame) => void,
  intervalMs: number,
  onLost: (reason: string) => void,
): Heartbeat {
  let sent = 0;
  let answered = 0;
  let stopped = false;
  const lose = (reason: string): void => {
    if (stopped) return;
    stop();
    onLost(reason);
  };
  const onLoad = (): void => lose("the content frame reloaded or navigated");
  const timer = setInterval(() => {
    if (sent - answered >= 2) {
      lose("the content frame stopped answering");
      return;
    }
    send({ type: "ping", n: ++sent });
  }, intervalMs);
  iframe.addEventListener("load", onLoad);
  const stop = (): void => {
    stopped = true;
    clearInterval(timer);
    iframe.removeEventListener("load", onLoad);
  };
  return {
    pong(n) {
      answered = Math.max(answered, n);
    },
    stop,
  };
}
