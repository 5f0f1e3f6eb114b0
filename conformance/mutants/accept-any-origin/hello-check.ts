// Mutant: the frame takes a hello with the right nonce and a port from any window of any origin.
import { parseHello } from "../../../bridge/protocol/messages.ts";
import type { FrameLaunchParams } from "../../../bridge/frame/handshake.ts";

export function helloRejection(event: MessageEvent, params: FrameLaunchParams): string | null {
  const hello = parseHello(event.data);
  if (!hello || hello.nonce !== params.nonce) return "not this launch's hello";
  return event.ports.length === 1 ? null : "no channel port";
}
