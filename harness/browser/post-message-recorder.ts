// Records the target origin of every postMessage the pages of a browser context make, through an init script
// that runs in every frame before the page's own scripts: a window's own postMessage, and postMessage on the
// cross-origin window of any iframe (reached through HTMLIFrameElement.contentWindow). Calls through
// window.parent/top/opener are not seen (wrapping those would change the windows' identity).
import type { BrowserContext, Frame } from "@playwright/test";

export interface RecordedPostMessage {
  via: "own" | "contentWindow";
  targetOrigin: string;
}

function recorder(): void {
  const log: Array<{ via: string; targetOrigin: string }> = [];
  Object.defineProperty(window, "__esbPostMessages", { value: log });
  const targetOf = (arg: unknown): string => {
    if (typeof arg === "string") return arg;
    if (arg && typeof arg === "object" && "targetOrigin" in arg) return String(arg.targetOrigin);
    return "/";
  };
  const own = window.postMessage;
  window.postMessage = function (this: Window, ...args: unknown[]) {
    log.push({ via: "own", targetOrigin: targetOf(args[1]) });
    return (own as (...a: unknown[]) => void).apply(this, args);
  } as typeof window.postMessage;

  const getter = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, "contentWindow")?.get;
  if (!getter) return;
  const proxies = new WeakMap<object, Window>();
  Object.defineProperty(HTMLIFrameElement.prototype, "contentWindow", {
    configurable: true,
    get(this: HTMLIFrameElement) {
      const win = getter.call(this) as Window | null;
      if (!win) return win;
      try {
        void win.document;
        return win;
      } catch {
        // cross-origin: hand out a stand-in that records postMessage and forwards everything else
      }
      let proxy = proxies.get(win);
      if (!proxy) {
        const post = (...args: unknown[]): void => {
          log.push({ via: "contentWindow", targetOrigin: targetOf(args[1]) });
          (win.postMessage as (...a: unknown[]) => void)(...args);
        };
        proxy = new Proxy(win, { get: (t, p) => (p === "postMessage" ? post : Reflect.get(t, p)) });
        proxies.set(win, proxy);
      }
      return proxy;
    },
  });
}

export async function installPostMessageRecorder(context: BrowserContext): Promise<void> {
  await context.addInitScript(recorder);
}

export async function recordedPostMessages(frame: Frame): Promise<RecordedPostMessage[]> {
  return frame.evaluate(
    () => (window as unknown as { __esbPostMessages?: RecordedPostMessage[] }).__esbPostMessages ?? [],
  );
}
