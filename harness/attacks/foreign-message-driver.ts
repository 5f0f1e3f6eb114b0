// Plays foreign messages against a running learner session: opens the attacker windows (a frame on evil.test
// inside the SCO, a popup on evil.test, a bridge frame page evil.test opens itself), posts each message from its
// attacker to its victim, and collects whatever any attacker received back (on its window or on the ports it
// sent). Everything runs in the browser; nothing here knows the bridge's code.
import type { BrowserContext, Frame, Page } from "@playwright/test";
import type { ForeignMessage, Payload } from "../../conformance/generators/foreign-message-arbitrary.ts";
import { MARKER } from "../../conformance/generators/foreign-message-arbitrary.ts";

export interface AttackScene {
  context: BrowserContext;
  page: Page;
  sco: Frame;
  origins: { lms: string; cdn: string; evil: string };
}

interface PostArgs {
  target: "top" | "grandparent" | "parent" | "opener" | "opener-frame" | "popup" | "bridge-iframe";
  data: unknown;
  targetOrigin: string;
  withPort: boolean;
  /** Attackers on evil.test also listen on their window (the bridge must never answer them there). */
  listenOnWindow: boolean;
}

/** Runs in the attacker's window: posts one message and keeps listening for anything that comes back. */
function postFromAttacker(args: PostArgs): void {
  const w = window as unknown as Record<string, unknown> & { __got?: string[]; __ports?: MessagePort[] };
  if (!w.__got) {
    const got: string[] = [];
    w.__got = got;
    w.__ports = [];
    if (args.listenOnWindow)
      window.addEventListener("message", (e) => got.push(`window ${e.origin}: ${JSON.stringify(e.data)}`));
  }
  const targets: Record<PostArgs["target"], () => Window | null | undefined> = {
    top: () => window.top,
    grandparent: () => window.parent.parent,
    parent: () => window.parent,
    opener: () => window.opener as Window | null,
    "opener-frame": () => (window.opener as Window).frames[0],
    popup: () => w.__popup as Window | undefined,
    // The reference bridge names its frame; another bridge's is the (first) iframe on the player page.
    "bridge-iframe": () =>
      ((document.getElementById("esb-frame") ?? document.querySelector("iframe")) as HTMLIFrameElement | null)
        ?.contentWindow,
  };
  const target = targets[args.target]();
  if (!target) throw new Error(`attacker has no ${args.target} window`);
  const transfer: MessagePort[] = [];
  if (args.withPort) {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => w.__got!.push(`port: ${JSON.stringify(e.data)}`);
    w.__ports!.push(channel.port1);
    transfer.push(channel.port2);
  }
  target.postMessage(args.data, args.targetOrigin, transfer);
}

const hello = (nonce: string) => ({ protocol: "esb", v: 1, type: "hello", nonce });
const FORGED_NONCE = "forgedNonceAAAAAAAAAAAAAAAAAAAAA";
const OWN_NONCE = "attackerOwnNonceBBBBBBBBBBBBBBBB";

function payloadData(payload: Payload, leakedNonce: string, scoUrl: string): unknown {
  switch (payload) {
    case "hello-forged":
      return hello(FORGED_NONCE);
    case "hello-leaked":
      return hello(leakedNonce);
    case "hello-own":
      return hello(OWN_NONCE);
    case "ops":
      return { type: "ops", ops: [{ seq: 1, element: "cmi.suspend_data", value: MARKER }], reason: "commit" };
    case "seed":
      return {
        type: "seed",
        seed: {
          launchId: "attacker",
          version: "2004",
          scoUrl,
          values: [["cmi.suspend_data", MARKER]],
          batchMs: 0,
        },
      };
    case "ping":
      return { type: "ping", n: 1 };
    case "garbage":
      return "<img src=x onerror=alert(1)>";
  }
}

export class ForeignMessageDriver {
  private evilFrame: Frame | undefined;
  private evilPopup: Page | undefined;
  private framePopupOpened = false;
  private readonly attackers = new Set<Frame>();

  constructor(private readonly scene: AttackScene) {}

  private bridgeFrame(): Frame {
    const frame = this.scene.page
      .frames()
      .find((f) => f.url().startsWith(`${this.scene.origins.cdn}/bridge/`));
    if (!frame) throw new Error("no bridge frame on the player page");
    return frame;
  }

  /** The nonce of the live launch, as an attacker who managed to read the frame's URL would know it. */
  leakedNonce(): string {
    return new URLSearchParams(new URL(this.bridgeFrame().url()).hash.slice(1)).get("nonce") ?? "";
  }

  private async openEvilFrame(): Promise<Frame> {
    if (this.evilFrame) return this.evilFrame;
    const { sco, page, origins } = this.scene;
    await sco.evaluate((src) => {
      const iframe = document.createElement("iframe");
      iframe.src = src;
      document.body.appendChild(iframe);
    }, `${origins.evil}/`);
    const deadline = Date.now() + 10_000;
    while (!this.evilFrame) {
      this.evilFrame = page.frames().find((f) => f.url().startsWith(origins.evil));
      if (Date.now() > deadline) throw new Error("the evil frame never loaded");
      if (!this.evilFrame) await page.waitForTimeout(25);
    }
    await this.evilFrame.waitForLoadState("load");
    return this.evilFrame;
  }

  private async openEvilPopup(): Promise<Frame> {
    if (!this.evilPopup) {
      const { page, origins } = this.scene;
      const [popup] = await Promise.all([
        page.waitForEvent("popup"),
        page.evaluate((url) => void window.open(url, "_blank"), `${origins.evil}/?popup`),
      ]);
      await popup.waitForLoadState("load");
      this.evilPopup = popup;
    }
    return this.evilPopup.mainFrame();
  }

  /** evil.test opens the bridge frame page itself, naming itself the LMS, with a nonce of its own. */
  private async openFramePopup(evil: Frame): Promise<void> {
    if (this.framePopupOpened) return;
    const frameUrl = new URL(this.bridgeFrame().url());
    frameUrl.hash = new URLSearchParams({ nonce: OWN_NONCE, lms: this.scene.origins.evil }).toString();
    const [popup] = await Promise.all([
      this.scene.context.waitForEvent("page"),
      evil.evaluate((url) => {
        (window as unknown as { __popup: Window | null }).__popup = window.open(url, "_blank");
      }, frameUrl.href),
    ]);
    await popup.waitForLoadState("load");
    this.framePopupOpened = true;
  }

  async send(message: ForeignMessage): Promise<void> {
    const { origins, sco } = this.scene;
    const data = payloadData(message.payload, this.leakedNonce(), sco.url());
    const withPort = message.payload.startsWith("hello");
    let from: Frame;
    let args: Omit<PostArgs, "data" | "withPort" | "listenOnWindow">;
    if (message.attacker === "evil-frame") {
      from = await this.openEvilFrame();
      if (message.victim === "frame-popup") await this.openFramePopup(from);
      const target = { lms: "top", "bridge-frame": "grandparent", "frame-popup": "popup" } as const;
      args = { target: target[message.victim], targetOrigin: "*" };
    } else if (message.attacker === "evil-popup") {
      from = await this.openEvilPopup();
      args = { target: message.victim === "lms" ? "opener" : "opener-frame", targetOrigin: "*" };
    } else if (message.attacker === "sco") {
      from = sco;
      args = { target: "parent", targetOrigin: origins.cdn };
    } else {
      from = this.scene.page.mainFrame();
      args = { target: "bridge-iframe", targetOrigin: origins.cdn };
    }
    this.attackers.add(from);
    const listenOnWindow = message.attacker.startsWith("evil");
    await from.evaluate(postFromAttacker, { ...args, data, withPort, listenOnWindow });
  }

  /** Everything any attacker window received so far. */
  async received(): Promise<string[]> {
    const all: string[] = [];
    for (const frame of this.attackers) {
      const got = await frame.evaluate(() => (window as unknown as { __got?: string[] }).__got ?? []);
      all.push(...got);
    }
    return all;
  }
}
