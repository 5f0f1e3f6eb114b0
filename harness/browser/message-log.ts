// The postMessage log of a test: every message a frame of a browser context receives on its window (whoever sent
// it, including through window.parent, whose identity is left alone) and every message a frame sends on a
// MessagePort (the bridge's channel), recorded in every frame by an init script and handed to Node through a
// binding as it happens, so the log outlives the pages. Secrets the protocol carries (the per-launch nonce, the
// launch id) are redacted, long strings cut, and each body bounded.
import type { BrowserContext } from "@playwright/test";
import type { SiteOrigins } from "../stack/sites.ts";

export interface LoggedMessage {
  at: string;
  /** "window": a window's message event; "port": a MessagePort's postMessage. */
  via: "window" | "port";
  /** Sender → receiver by site name (lms, cdn, evil) or origin; "channel peer" when a port's far end is unknown. */
  direction: string;
  /** The sender's origin. */
  origin: string;
  /**
   * The receiver's origin, when known. A port's far end is known from the frame that received the port in a
   * window message, or, for the end the sender kept, from the receiver of its last window message with ports.
   */
  target: string | null;
  /** Ports a window message carried. */
  ports?: number;
  /** Where it was recorded: the frame's origin and path (no query or fragment, which may carry the nonce). */
  frame: string;
  type: string | null;
  /** UTF-16 code units of the message as JSON, before redaction and cutting. */
  size: number;
  /** The message as JSON with secrets redacted and long strings cut, at most MESSAGE_LOG_LIMITS.body units. */
  body: string;
}

export const MESSAGE_LOG_LIMITS = { body: 600, string: 120, messages: 2_000 } as const;
/** Keys whose string values are never logged: the hello's and ready's nonce, the seed's launch id. */
export const REDACTED_KEYS = ["nonce", "launchId", "sesskey", "token"] as const;
const BINDING = "__esbMessageLog";

interface RawMessage {
  via: "window" | "port";
  t: number;
  from: string;
  to: string | null;
  ports: number;
  frame: string;
  type: string | null;
  size: number;
  body: string;
}

interface RecorderOptions {
  binding: string;
  redact: readonly string[];
  body: number;
  string: number;
}

/** Runs in every frame before its own scripts (serialised by Playwright: no closures over module scope). */
function recordMessages(o: RecorderOptions): void {
  const redact = new Set(o.redact);
  const frame = `${location.origin}${location.pathname}`;
  const peers = new WeakMap<MessagePort, string>();
  // Sub-millisecond and comparable across the frames' processes, so the log sorts causally.
  const now = (): number => performance.timeOrigin + performance.now();
  const replacer = (key: string, value: unknown): unknown => {
    if (typeof value !== "string") return value;
    if (redact.has(key)) return `[redacted, ${value.length} chars]`;
    return value.length > o.string ? `${value.slice(0, o.string)}…(${value.length} chars)` : value;
  };
  const describe = (data: unknown): Pick<RawMessage, "type" | "size" | "body"> => {
    let size = 0;
    let body: string;
    try {
      size = JSON.stringify(data)?.length ?? 0;
      body = JSON.stringify(data, replacer) ?? String(data);
    } catch {
      body = `[not JSON: ${Object.prototype.toString.call(data)}]`;
    }
    const type =
      data && typeof data === "object" && typeof (data as { type?: unknown }).type === "string"
        ? (data as { type: string }).type.slice(0, 64)
        : null;
    return { type, size, body: body.length > o.body ? `${body.slice(0, o.body)}…` : body };
  };
  const emit = (message: RawMessage): void => {
    const send = (window as unknown as Record<string, unknown>)[o.binding];
    if (typeof send === "function") void (send as (m: RawMessage) => Promise<void>)(message).catch(() => {});
  };

  window.addEventListener(
    "message",
    (event: MessageEvent) => {
      for (const port of event.ports) peers.set(port, event.origin);
      const { origin, ports } = event;
      emit({
        via: "window",
        t: now(),
        from: origin,
        to: location.origin,
        ports: ports.length,
        frame,
        ...describe(event.data),
      });
    },
    true,
  );
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) {
    const to = peers.get(this) ?? null;
    emit({ via: "port", t: now(), from: location.origin, to, ports: 0, frame, ...describe(args[0]) });
    return (post as (...a: unknown[]) => void).apply(this, args);
  } as typeof MessagePort.prototype.postMessage;
}

const text = (x: unknown, max: number): string => (typeof x === "string" ? x.slice(0, max) : "");
/** The site's name (lms, cdn, evil) for one of the run's origins, else the origin itself. */
const siteOf = (origin: string, origins: SiteOrigins): string =>
  (Object.keys(origins) as Array<keyof SiteOrigins>).find((k) => origins[k] === origin) ?? origin;

/** A message as a frame reported it, with the run's origins to name its sites by. */
type Received = RawMessage & { origins: SiteOrigins };

export class MessageLog {
  private readonly received: Received[] = [];
  private dropped = 0;

  constructor(private readonly limit: number = MESSAGE_LOG_LIMITS.messages) {}

  /** Records the context's frames from their first script on; call before the context opens a page. */
  async install(context: BrowserContext, origins: SiteOrigins): Promise<void> {
    await context.exposeBinding(BINDING, (_source, raw: unknown) => this.add(raw, origins));
    await context.addInitScript(recordMessages, {
      binding: BINDING,
      redact: REDACTED_KEYS,
      body: MESSAGE_LOG_LIMITS.body,
      string: MESSAGE_LOG_LIMITS.string,
    } satisfies RecorderOptions);
  }

  /** Keeps the latest `limit` messages (a page can call the binding with anything: every field is checked). */
  add(raw: unknown, origins: SiteOrigins): void {
    if (!raw || typeof raw !== "object") return;
    const m = raw as Partial<Record<keyof RawMessage, unknown>>;
    if ((m.via !== "window" && m.via !== "port") || typeof m.t !== "number" || !Number.isFinite(m.t)) return;
    this.received.push({
      t: m.t,
      via: m.via,
      from: text(m.from, 200),
      to: typeof m.to === "string" ? m.to.slice(0, 200) : null,
      ports: typeof m.ports === "number" ? m.ports : 0,
      frame: text(m.frame, 300),
      type: typeof m.type === "string" ? m.type.slice(0, 64) : null,
      size: typeof m.size === "number" ? m.size : 0,
      body: text(m.body, MESSAGE_LOG_LIMITS.body + 1),
      origins,
    });
    if (this.received.length > this.limit) {
      this.received.shift();
      this.dropped++;
    }
  }

  /**
   * In time order (frames in other processes report through their own connections, not always in order); a
   * port message whose far end its frame does not know goes to the receiver of the sender's last window message
   * that carried ports (the LMS page keeps one end of the channel and hands the frame the other in its hello).
   */
  entries(): LoggedMessage[] {
    const portsSentTo = new Map<string, string>();
    return [...this.received]
      .sort((a, b) => a.t - b.t)
      .map((m): LoggedMessage => {
        if (m.via === "window" && m.to !== null && m.ports > 0) portsSentTo.set(m.from, m.to);
        const target = m.to ?? (m.via === "port" ? (portsSentTo.get(m.from) ?? null) : null);
        return {
          at: new Date(m.t).toISOString(),
          via: m.via,
          direction: `${siteOf(m.from, m.origins)} → ${target === null ? "channel peer" : siteOf(target, m.origins)}`,
          origin: m.from,
          target,
          ...(m.via === "window" ? { ports: m.ports } : {}),
          frame: m.frame,
          type: m.type,
          size: m.size,
          body: m.body,
        };
      });
  }

  toJSON(): { dropped: number; messages: LoggedMessage[] } {
    return { dropped: this.dropped, messages: this.entries() };
  }
}
