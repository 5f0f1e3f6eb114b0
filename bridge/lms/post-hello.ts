// Hands the bridge frame its end of the channel: the hello goes to the CDN origin only, never to "*", so a frame
// that navigated elsewhere never receives the nonce or the port.
import type { HelloMessage } from "../protocol/messages.ts";

export function postHello(target: Window, hello: HelloMessage, cdnOrigin: string, port: MessagePort): void {
  target.postMessage(hello, cdnOrigin, [port]);
}
