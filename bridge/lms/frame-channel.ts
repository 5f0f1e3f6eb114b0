// LMS side of the handshake: frame the CDN page with a per-launch nonce, then hand it a MessageChannel port
// with postMessage aimed at the CDN origin only, and accept the channel once the frame echoes the nonce.
import { PROTOCOL, PROTOCOL_VERSION, parseFrameToLms, type HelloMessage } from "../protocol/messages.ts";
import { watchForeignMessages } from "./foreign-message-watch.ts";
import { postHello } from "./post-hello.ts";

export interface FrameChannel {
  iframe: HTMLIFrameElement;
  port: MessagePort;
}

export function openFrameChannel(
  container: HTMLElement,
  frameUrl: string,
  cdnOrigin: string,
  nonce: string,
  timeoutMs: number,
): Promise<FrameChannel> {
  const url = new URL(frameUrl);
  if (url.protocol !== "https:" || url.origin !== cdnOrigin) {
    return Promise.reject(new Error(`Bridge frame ${url.origin} is not on the activity's CDN origin`));
  }
  if (cdnOrigin === window.location.origin) {
    return Promise.reject(new Error("The CDN origin must differ from the LMS origin"));
  }
  watchForeignMessages(window);
  url.hash = new URLSearchParams({ nonce, lms: window.location.origin }).toString();
  const iframe = document.createElement("iframe");
  iframe.id = "esb-frame";
  iframe.title = "SCORM content";
  iframe.allow = "fullscreen";
  iframe.src = url.href;

  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The content server ${cdnOrigin} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    iframe.addEventListener(
      "load",
      () => {
        const target = iframe.contentWindow;
        if (!target) {
          reject(new Error("The bridge frame did not load"));
          return;
        }
        const channel = new MessageChannel();
        const hello: HelloMessage = { protocol: PROTOCOL, v: PROTOCOL_VERSION, type: "hello", nonce };
        channel.port1.onmessage = (event: MessageEvent): void => {
          const message = parseFrameToLms(event.data);
          if (message?.type === "ready" && message.nonce === nonce) {
            channel.port1.onmessage = null;
            clearTimeout(timer);
            resolve({ iframe, port: channel.port1 });
          }
        };
        postHello(target, hello, cdnOrigin, channel.port2);
      },
      { once: true },
    );
    container.appendChild(iframe);
  });
}
