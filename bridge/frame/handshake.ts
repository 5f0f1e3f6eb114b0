// Frame side of the handshake: accept exactly one hello, from the parent window, from the LMS origin named in
// the frame's URL, carrying the launch nonce; everything else is ignored and counted.
import { parseHello } from "../protocol/messages.ts";

export interface FrameLaunchParams {
  nonce: string;
  lmsOrigin: string;
}

/** Reads `#nonce=…&lms=…` from the frame URL; returns null when either is missing or malformed. */
export function readLaunchParams(hash: string): FrameLaunchParams | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const nonce = params.get("nonce");
  const lms = params.get("lms");
  if (!nonce || !lms) return null;
  let origin: string;
  try {
    const url = new URL(lms);
    if (url.protocol !== "https:" || url.origin !== lms) return null;
    origin = url.origin;
  } catch {
    return null;
  }
  return { nonce, lmsOrigin: origin };
}

export interface HandshakeStats {
  ignored: number;
}

export function awaitHello(params: FrameLaunchParams, stats: HandshakeStats): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      const hello = parseHello(event.data);
      const port = event.ports[0];
      if (
        event.source !== window.parent ||
        event.origin !== params.lmsOrigin ||
        !hello ||
        hello.nonce !== params.nonce ||
        !port
      ) {
        stats.ignored += 1;
        return;
      }
      window.removeEventListener("message", onMessage);
      resolve(port);
    };
    window.addEventListener("message", onMessage);
  });
}
