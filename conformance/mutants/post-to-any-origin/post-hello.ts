// Mutant: the LMS page posts its hello (nonce and channel port) with target origin "*".
import type { HelloMessage } from "../../../bridge/protocol/messages.ts";

export function postHello(target: Window, hello: HelloMessage, _cdnOrigin: string, port: MessagePort): void {
  target.postMessage(hello, "*", [port]);
}
