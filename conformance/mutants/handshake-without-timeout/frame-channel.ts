// Mutant: the launch handshake waits a day for the frame's answer, whatever the configured timeout: a frame that
// never answers leaves the learner in front of a blank player (breaks P15).
import {
  openFrameChannel as referenceOpenFrameChannel,
  type FrameChannel,
} from "../../../bridge/lms/frame-channel.ts";

export type { FrameChannel };

export function openFrameChannel(
  container: HTMLElement,
  frameUrl: string,
  cdnOrigin: string,
  nonce: string,
  _timeoutMs: number,
): Promise<FrameChannel> {
  return referenceOpenFrameChannel(container, frameUrl, cdnOrigin, nonce, 86_400_000);
}
