// Entry point of the bridge frame page on the CDN origin: handshake, seed, API global, then the SCO.
import { parseLmsToFrame, type FrameToLms } from "../protocol/messages.ts";
import { awaitHello, readLaunchParams, type HandshakeStats } from "./handshake.ts";
import { OpOutbox } from "./op-outbox.ts";
import { loadRuntime } from "./runtime-loader.ts";
import { API_GLOBAL, createSeededApi } from "./scorm-runtime.ts";
import { openSco } from "./sco-frame.ts";

function showStatus(text: string): void {
  const el = document.getElementById("status");
  if (el) el.textContent = text;
}

export async function startFrame(): Promise<void> {
  const params = readLaunchParams(window.location.hash);
  if (!params) {
    showStatus("This page must be opened by the LMS player.");
    return;
  }
  const stats: HandshakeStats = { ignored: 0 };
  const port = await awaitHello(params, stats);
  const send = (message: FrameToLms): void => port.postMessage(message);
  let outbox: OpOutbox | undefined;
  let deliveryFailed = false;

  port.onmessage = (event: MessageEvent): void => {
    const message = parseLmsToFrame(event.data);
    if (!message) {
      stats.ignored += 1;
      return;
    }
    if (message.type === "ack") {
      outbox?.acknowledge(message.ackedSeq, message.terminated === true);
      return;
    }
    if (message.type === "status") {
      deliveryFailed = message.state === "failed";
      return;
    }
    if (message.type === "ping") {
      send({ type: "pong", n: message.n });
      outbox?.heartbeat();
      return;
    }
    if (outbox) return;
    const seed = message.seed;
    const log = new OpOutbox(send, seed.batchMs);
    outbox = log;
    loadRuntime(seed.version)
      .then((Runtime) => {
        const api = createSeededApi(
          seed,
          {
            onChange: (element, value) => log.record(element, value),
            onFlush: (reason) => log.flush(reason),
            deliveryFailed: () => deliveryFailed,
          },
          Runtime,
        );
        (window as unknown as Record<string, unknown>)[API_GLOBAL[seed.version]] = api;
        openSco(seed.scoUrl);
        showStatus("");
      })
      .catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        showStatus(text);
        send({ type: "failure", message: text.slice(0, 1_000) });
      });
  };
  // A reload or navigation of this frame ends the session: hand over what the SCO changed since the last batch.
  window.addEventListener("pagehide", () => outbox?.handOverChanges());
  send({ type: "ready", nonce: params.nonce });
}
