// Decides whether a window message is the LMS page's hello for this launch: posted by the parent window, from
// the LMS origin named in the frame's URL, carrying the launch nonce and one port. Returns why not, or null.
import { parseHello } from "../protocol/messages.ts";
import type { FrameLaunchParams } from "./handshake.ts";

export function helloRejection(event: MessageEvent, params: FrameLaunchParams): string | null {
  if (event.source !== window.parent) return "not from the parent window";
  if (event.origin !== params.lmsOrigin) return "not from the LMS origin";
  const hello = parseHello(event.data);
  if (!hello) return "not a hello message";
  if (hello.nonce !== params.nonce) return "wrong nonce";
  if (event.ports.length !== 1) return "no channel port";
  return null;
}
