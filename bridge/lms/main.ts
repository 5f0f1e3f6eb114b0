// Entry point of the bridge on the LMS player page: launch, frame the CDN page, seed it, relay commits.
import { parseFrameToLms, type LmsToFrame } from "../protocol/messages.ts";
import { CommitRelay } from "./commit-relay.ts";
import { readPlayerConfig } from "./config.ts";
import { openFrameChannel } from "./frame-channel.ts";
import { LmsApiClient } from "./lms-api-client.ts";

function showMessage(doc: Document, text: string): void {
  const el = doc.getElementById("esb-message");
  if (el) el.textContent = text;
}

export async function startPlayer(doc: Document): Promise<void> {
  const config = readPlayerConfig(doc);
  const client = new LmsApiClient(config);
  const launch = await client.launch();
  const container = doc.getElementById("esb-player") ?? doc.body;
  const { port } = await openFrameChannel(container, launch.frameurl, launch.cdnorigin, launch.nonce);
  const send = (message: LmsToFrame): void => port.postMessage(message);
  const relay = new CommitRelay(
    client,
    launch.launchid,
    (ackedSeq) => send({ type: "ack", ackedSeq }),
    (error) =>
      showMessage(
        doc,
        `Your progress could not be saved: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
  port.onmessage = (event: MessageEvent): void => {
    const message = parseFrameToLms(event.data);
    if (!message) return;
    if (message.type === "ops") relay.submit(message.ops, message.reason === "terminate");
    if (message.type === "failure") showMessage(doc, message.message);
  };
  send({
    type: "seed",
    seed: {
      launchId: launch.launchid,
      version: launch.version,
      scoUrl: launch.scourl,
      values: launch.seed.map((row) => [row.element, row.value]),
    },
  });
}
