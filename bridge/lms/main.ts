// Entry point of the bridge on the LMS player page: deliver what an earlier visit left, launch, frame the CDN
// page with a fresh nonce, seed it, keep every op in the outbox until the LMS acknowledges it, and start over
// (deliver, launch, re-handshake) whenever the channel to the frame is lost.
import { DEFAULT_BRIDGE_CONFIG, validateBridgeConfig } from "../protocol/bridge-config.ts";
import { isWhitelisted } from "../protocol/cdn-whitelist.ts";
import { parseFrameToLms, type DeliveryState, type LmsToFrame } from "../protocol/messages.ts";
import { readPlayerConfig } from "./config.ts";
import { Delivery } from "./delivery.ts";
import { openFrameChannel } from "./frame-channel.ts";
import { watchChannel } from "./heartbeat.ts";
import { showDeliveryState, showMessage, showRetry } from "./learner-messages.ts";
import { LmsApiClient, type LaunchResult } from "./lms-api-client.ts";
import { navigationTarget, playerUrl } from "./navigation.ts";
import { OpSequencer } from "./op-sequencer.ts";
import { Outbox, outboxKey } from "./outbox.ts";
import { installUnloadFlush } from "./unload-flush.ts";

const RECONNECT_GRACE_MS = 200;

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
  // Replaced by the channel to the current frame once it is open; until then, nothing to tell.
  const frame = {
    send: (_message: LmsToFrame): void => undefined,
    launchid: "",
    /** The LMS's latest acknowledgement for the current launch, repeated whenever the frame hands ops over. */
    ack: { ackedSeq: 0, terminated: false },
  };
  const loginUrl = `${config.wwwroot}/login/index.php`;
  const container = doc.getElementById("esb-player") ?? doc.body;

  // The sign-in prompt stays until the learner is back as the same user; each failed try says why.
  const showState = (state: DeliveryState, message: string): void =>
    showDeliveryState(doc, state, message, loginUrl, () => {
      client.refreshSesskey().then(
        () => delivery.resume(),
        (error: unknown) => showState("signin", error instanceof Error ? error.message : String(error)),
      );
    });
  const delivery: Delivery = new Delivery(client, outbox, DEFAULT_BRIDGE_CONFIG, {
    onAck: (launchid, ackedSeq, terminated) => {
      if (launchid !== frame.launchid) return;
      frame.ack = { ackedSeq, terminated: terminated || frame.ack.terminated };
      frame.send({ type: "ack", ...frame.ack });
    },
    onState: (state, message) => {
      showState(state, message);
      frame.send({ type: "status", state, message });
    },
  });
  installUnloadFlush(win, outbox, client);

  // A launch that fails (the content server down, slow or refusing, the LMS unreachable) says why and offers to
  // try again: the same page, the same attempt, and the outbox kept in localStorage is delivered first.
  const offerRetry = (what: string, error: unknown): void =>
    showRetry(doc, `${what}: ${error instanceof Error ? error.message : String(error)}`, () => {
      showMessage(doc, "");
      connectOrOfferRetry("The activity could not start");
    });
  const connectOrOfferRetry = (what: string): void => {
    connect().catch((error: unknown) => offerRetry(what, error));
  };
  const connect = async (): Promise<void> => {
    if (outbox.launchIds().length > 0) {
      // What an earlier visit or frame left must land before a new launch reads its snapshot.
      delivery.kick();
      await delivery.idle();
      if (outbox.launchIds().length > 0) return;
    }
    const launch = await client.launch();
    const bridgeConfig = validateBridgeConfig(launch.config ?? {});
    delivery.setConfig(bridgeConfig);
    if (!isWhitelisted(launch.frameurl, bridgeConfig.cdnWhitelist)) {
      throw new Error(`The content server ${launch.cdnorigin} is not on this site's CDN whitelist.`);
    }
    container.replaceChildren();
    const { iframe, port } = await openFrameChannel(
      container,
      launch.frameurl,
      launch.cdnorigin,
      launch.nonce,
      bridgeConfig.handshakeTimeoutMs,
    );
    const send = (message: LmsToFrame): void => {
      if (bridgeConfig.debug) console.debug("[bridge] LMS -> frame", message);
      port.postMessage(message);
    };
    let navRequest = "_none_";
    const followNavigation = async (toc: LaunchResult["toc"]): Promise<void> => {
      const target = navigationTarget(navRequest, toc, config.scoid);
      if (target === null) return;
      await delivery.idle();
      if (outbox.launchIds().length === 0)
        win.location.assign(playerUrl(config.wwwroot, config.cmid, target));
    };
    frame.send = send;
    frame.launchid = launch.launchid;
    frame.ack = { ackedSeq: 0, terminated: false };
    const sequencer = new OpSequencer();
    const heartbeat = watchChannel(iframe, send, bridgeConfig.heartbeatMs, () => {
      frame.send = () => undefined;
      frame.launchid = "";
      // The old port stays open a moment: a frame going away hands over its last changes on pagehide.
      setTimeout(() => connectOrOfferRetry("The activity could not reconnect"), RECONNECT_GRACE_MS);
    });
    port.onmessage = (event: MessageEvent): void => {
      const message = parseFrameToLms(event.data);
      if (bridgeConfig.debug) console.debug("[bridge] frame -> LMS", message ?? event.data);
      if (!message) return;
      if (message.type === "pong") heartbeat.pong(message.n);
      else if (message.type === "failure") showMessage(doc, message.message);
      else if (message.type === "ops") {
        const { ops, reason } = sequencer.accept(message.ops, message.reason);
        outbox.add(launch.launchid, ops);
        for (const op of ops) if (op.element === "adl.nav.request") navRequest = op.value;
        if (reason !== "change") delivery.kick(reason === "terminate" ? launch.launchid : undefined);
        if (reason === "terminate") void followNavigation(launch.toc ?? []);
        // The frame may not have heard the last acknowledgement: repeat it (acks are cumulative).
        if (frame.launchid === launch.launchid) send({ type: "ack", ...frame.ack });
      }
    };
    send({
      type: "seed",
      seed: {
        launchId: launch.launchid,
        version: launch.version,
        scoUrl: launch.scourl,
        values: launch.seed.map((row) => [row.element, row.value]),
        batchMs: bridgeConfig.changeBatchMs,
      },
    });
  };
  await connect().catch((error: unknown) => offerRetry("The activity could not start", error));
}
