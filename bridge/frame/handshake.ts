// Frame side of the handshake: accept exactly one hello, from the parent window, from the LMS origin named in
// the frame's URL, carrying the launch nonce; everything else is ignored and counted.
import { reportForeignMessage, type ForeignMessageLog } from "../protocol/foreign-messages.ts";
import { helloRejection } from "./hello-check.ts";

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

export type HandshakeStats = ForeignMessageLog;

/**
 * Resolves with the channel port of the first valid hello. The listener stays: every other window message, before
 * or after the handshake (a replayed hello, a second port), is ignored, counted and logged.
 */
export function awaitHello(params: FrameLaunchParams, stats: HandshakeStats): Promise<MessagePort> {
  return new Promise((resolve) => {
    let accepted = false;
    window.addEventListener("message", (event: MessageEvent): void => {
      const rejection = accepted ? "the channel is already open" : helloRejection(event, params);
      if (rejection !== null) {
        reportForeignMessage(stats, "frame", event.origin, rejection);
        return;
      }
      accepted = true;
      resolve(event.ports[0]!);
    });
  });
}
