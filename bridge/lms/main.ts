// Entry point of the bridge on the LMS player page: replay what an earlier visit left undelivered, launch,
// frame the CDN page, seed it, keep every op in the outbox until the LMS acknowledges it.
import { DEFAULT_BRIDGE_CONFIG, validateBridgeConfig } from "../protocol/bridge-config.ts";
import { parseFrameToLms, type LmsToFrame } from "../protocol/messages.ts";
import { readPlayerConfig } from "./config.ts";
import { Delivery } from "./delivery.ts";
import { openFrameChannel } from "./frame-channel.ts";
import { showDeliveryState, showMessage } from "./learner-messages.ts";
import { LmsApiClient } from "./lms-api-client.ts";
import { Outbox, outboxKey } from "./outbox.ts";
import { installUnloadFlush } from "./unload-flush.ts";

function localStore(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

export async function startPlayer(win: Window): Promise<void> {
  const doc = win.document;
  const config = readPlayerConfig(doc);
  const client = new LmsApiClient(config, DEFAULT_BRIDGE_CONFIG.apiTimeoutMs);
  const outbox = new Outbox(
    localStore(win),
    outboxKey(config.wwwroot, config.userid, config.cmid, config.scoid),
  );
  // Replaced by the channel to the frame once it is open; until then, nothing to tell.
  const frame = { send: (_message: LmsToFrame): void => undefined };
  let currentLaunch = "";
  const loginUrl = `${config.wwwroot}/login/index.php`;

  const delivery: Delivery = new Delivery(client, outbox, DEFAULT_BRIDGE_CONFIG, {
    onAck: (launchid, ackedSeq) => {
      if (launchid === currentLaunch) frame.send({ type: "ack", ackedSeq });
    },
    onState: (state, message) => {
      showDeliveryState(doc, state, message, loginUrl, () => {
        client.refreshSesskey().then(
          () => delivery.resume(),
          (error: unknown) => showMessage(doc, error instanceof Error ? error.message : String(error)),
        );
      });
      frame.send({ type: "status", state, message });
    },
  });
  installUnloadFlush(win, outbox, client);

  if (outbox.launchIds().length > 0) {
    // What an earlier visit left must land before the new launch reads its snapshot.
    delivery.kick();
    await delivery.idle();
    if (outbox.launchIds().length > 0) return;
  }

  const launch = await client.launch();
  const bridgeConfig = validateBridgeConfig(launch.config ?? {});
  delivery.setConfig(bridgeConfig);
  currentLaunch = launch.launchid;
  const container = doc.getElementById("esb-player") ?? doc.body;
  const { port } = await openFrameChannel(
    container,
    launch.frameurl,
    launch.cdnorigin,
    launch.nonce,
    bridgeConfig.handshakeTimeoutMs,
  );
  frame.send = (message) => port.postMessage(message);
  port.onmessage = (event: MessageEvent): void => {
    const message = parseFrameToLms(event.data);
    if (!message) return;
    if (message.type === "failure") {
      showMessage(doc, message.message);
      return;
    }
    if (message.type !== "ops") return;
    outbox.add(launch.launchid, message.ops);
    if (message.reason !== "change")
      delivery.kick(message.reason === "terminate" ? launch.launchid : undefined);
  };
  frame.send({
    type: "seed",
    seed: {
      launchId: launch.launchid,
      version: launch.version,
      scoUrl: launch.scourl,
      values: launch.seed.map((row) => [row.element, row.value]),
      batchMs: bridgeConfig.changeBatchMs,
    },
  });
}
