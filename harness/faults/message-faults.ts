// Message-level fault injection between the LMS page and the bridge frame, in both directions, without touching
// the bridge: an init script (it runs in every frame of the context, the cross-origin bridge frame included)
// wraps MessagePort.prototype.postMessage and, following a schedule the test fixes in advance, drops, delays,
// duplicates or reorders the n-th message of a given type, or closes the port instead of posting. Every applied
// fault is reported back to the test through a binding. A test can also close, at a moment of its choosing,
// every port a document has posted on (closeChannelPorts).
import type { BrowserContext, Frame, Page } from "@playwright/test";

export type MessageDirection = "lms-to-frame" | "frame-to-lms";
export type MessageFaultKind = "drop" | "delay" | "duplicate" | "reorder" | "close-port";

export interface MessageFault {
  direction: MessageDirection;
  /** The protocol message's `type` ("ops", "ack", "ping", "pong", "status", …). */
  type: string;
  /** Which message of that type and direction, counted from 1 within one document (a reloaded frame restarts). */
  nth: number;
  kind: MessageFaultKind;
  /** delay: how long; reorder: the longest the message waits for a later one to overtake it. */
  ms?: number;
}

export interface AppliedMessageFault extends MessageFault {
  origin: string;
  at: number;
}

interface ScriptArg {
  faults: MessageFault[];
  origins: Record<MessageDirection, string>;
  binding: string;
  closer: string;
}

const BINDING = "__esbMessageFaultApplied";
const CLOSER = "__esbCloseMessagePorts";

/** Runs in the browser, in every document of the context, before any of its scripts. */
function faultScript(arg: ScriptArg): void {
  const direction = (Object.keys(arg.origins) as MessageDirection[]).find(
    (d) => arg.origins[d] === location.origin,
  );
  if (!direction) return;
  const mine = arg.faults.filter((f) => f.direction === direction);
  const used = new Set<MessagePort>();
  (window as unknown as Record<string, unknown>)[arg.closer] = (): number => {
    for (const port of used) port.close();
    return used.size;
  };
  const counts = new Map<string, number>();
  const post = MessagePort.prototype.postMessage;
  const held = new WeakMap<MessagePort, Array<() => void>>();
  const report = (fault: MessageFault): void => {
    const fn = (window as unknown as Record<string, unknown>)[arg.binding];
    if (typeof fn === "function")
      void (fn as (x: unknown) => Promise<void>)({ ...fault, origin: location.origin, at: Date.now() });
  };
  const releaseHeld = (port: MessagePort): void => {
    const waiting = held.get(port) ?? [];
    held.delete(port);
    for (const release of waiting) release();
  };
  MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]): void {
    used.add(this);
    const send = (): void => (post as (...a: unknown[]) => void).apply(this, args);
    const message = args[0] as { type?: unknown } | null;
    const type = typeof message?.type === "string" ? message.type : "";
    const n = (counts.get(type) ?? 0) + 1;
    counts.set(type, n);
    const fault = mine.find((f) => f.type === type && f.nth === n);
    if (!fault) {
      send();
      releaseHeld(this);
      return;
    }
    report(fault);
    switch (fault.kind) {
      case "drop":
        releaseHeld(this);
        return;
      case "close-port":
        this.close();
        return;
      case "duplicate":
        send();
        send();
        releaseHeld(this);
        return;
      case "delay":
        setTimeout(send, fault.ms ?? 300);
        releaseHeld(this);
        return;
      case "reorder": {
        // Held until the next message on this port has gone out (or the wait is over).
        let done = false;
        const release = (): void => {
          if (done) return;
          done = true;
          send();
        };
        const queue = held.get(this) ?? [];
        queue.push(release);
        held.set(this, queue);
        setTimeout(release, fault.ms ?? 500);
        return;
      }
    }
  };
}

/** Installs the schedule in every page and frame the context opens from now on; returns the applied-fault log. */
export async function installMessageFaults(
  context: BrowserContext,
  origins: { lms: string; cdn: string },
  faults: readonly MessageFault[],
): Promise<AppliedMessageFault[]> {
  const applied: AppliedMessageFault[] = [];
  await context.exposeBinding(BINDING, (_source, entry: AppliedMessageFault) => {
    applied.push(entry);
  });
  const arg: ScriptArg = {
    faults: [...faults],
    origins: { "lms-to-frame": origins.lms, "frame-to-lms": origins.cdn },
    binding: BINDING,
    closer: CLOSER,
  };
  await context.addInitScript(faultScript, arg);
  return applied;
}

/** Closes every MessagePort the page or frame has posted on (needs installMessageFaults); returns how many. */
export async function closeChannelPorts(target: Page | Frame): Promise<number> {
  return target.evaluate((name) => {
    const close = (window as unknown as Record<string, unknown>)[name];
    return typeof close === "function" ? (close as () => number)() : 0;
  }, CLOSER);
}
