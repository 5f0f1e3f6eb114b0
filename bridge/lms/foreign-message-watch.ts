// The LMS page talks to the frame only over its MessageChannel port, so every window message the page receives
// is foreign: count and log each one, once per page however often the channel is reopened.
import { reportForeignMessage, type ForeignMessageLog } from "../protocol/foreign-messages.ts";

const watched = new WeakSet<Window>();

export function watchForeignMessages(win: Window): void {
  if (watched.has(win)) return;
  watched.add(win);
  const log: ForeignMessageLog = { ignored: 0 };
  win.addEventListener("message", (event: MessageEvent) => {
    reportForeignMessage(log, "lms", event.origin, "the LMS page accepts no window messages");
  });
}
