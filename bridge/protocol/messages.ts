// The bridge's wire protocol: every message between the LMS page and the CDN frame, and its validators.
// Nothing here touches the DOM; both sides import it, and the validators reject anything malformed.

export const PROTOCOL = "esb";
export const PROTOCOL_VERSION = 1;

export type ScormVersion = "1.2" | "2004";

/** One change to the data model, as the SCO made it, numbered within a launch. */
export interface Op {
  seq: number;
  element: string;
  value: string;
}

/** What the LMS API's `launch` returns and the frame needs to start the runtime. */
export interface LaunchSeed {
  launchId: string;
  version: ScormVersion;
  scoUrl: string;
  /** Data-model values to load before the SCO starts, SCORM element names. */
  values: Array<[string, string]>;
  /** How long the frame may hold changes before handing them to the LMS page (ms). */
  batchMs: number;
}

/** Sent once with window.postMessage, carrying the MessageChannel port. */
export interface HelloMessage {
  protocol: typeof PROTOCOL;
  v: typeof PROTOCOL_VERSION;
  type: "hello";
  nonce: string;
}

/** Why the frame hands ops over: a batch of changes, or the SCO's Commit or Terminate (deliver now). */
export type OpsReason = "change" | "commit" | "terminate";

export type FrameToLms =
  | { type: "ready"; nonce: string }
  | { type: "ops"; ops: Op[]; reason: OpsReason }
  | { type: "failure"; message: string }
  | { type: "pong"; n: number };

/** Delivery state the LMS page reports to the frame: `failed` is permanent and makes Commit answer "false". */
export type DeliveryState = "ok" | "retrying" | "signin" | "failed";

export type LmsToFrame =
  | { type: "seed"; seed: LaunchSeed }
  | { type: "ack"; ackedSeq: number; terminated?: boolean }
  | { type: "status"; state: DeliveryState; message: string }
  | { type: "ping"; n: number };

const DELIVERY_STATES: readonly string[] = ["ok", "retrying", "signin", "failed"];
const OPS_REASONS: readonly string[] = ["change", "commit", "terminate"];

/** Upper bounds that keep a hostile peer from making either side allocate without limit. */
export const LIMITS = {
  nonceLength: 64,
  elementLength: 255,
  valueLength: 65_536,
  opsPerMessage: 10_000,
  seedValues: 20_000,
  urlLength: 4_096,
} as const;

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const isBoundedString = (x: unknown, max: number): x is string => typeof x === "string" && x.length <= max;
const isNonce = (x: unknown): x is string =>
  isBoundedString(x, LIMITS.nonceLength) && /^[A-Za-z0-9_-]{16,}$/.test(x);
const isSeq = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isElement = (x: unknown): x is string =>
  isBoundedString(x, LIMITS.elementLength) && /^(cmi|adl)\.[A-Za-z0-9_.]+$/.test(x);

export function parseHello(data: unknown): HelloMessage | null {
  if (!isObject(data)) return null;
  if (data.protocol !== PROTOCOL || data.v !== PROTOCOL_VERSION || data.type !== "hello") return null;
  if (!isNonce(data.nonce)) return null;
  return { protocol: PROTOCOL, v: PROTOCOL_VERSION, type: "hello", nonce: data.nonce };
}

export function parseOp(x: unknown): Op | null {
  if (!isObject(x) || !isSeq(x.seq) || !isElement(x.element)) return null;
  if (!isBoundedString(x.value, LIMITS.valueLength)) return null;
  return { seq: x.seq, element: x.element, value: x.value };
}

function parseOps(x: unknown): Op[] | null {
  if (!Array.isArray(x) || x.length > LIMITS.opsPerMessage) return null;
  const ops: Op[] = [];
  for (const item of x) {
    const op = parseOp(item);
    if (!op) return null;
    ops.push(op);
  }
  return ops;
}

export function parseFrameToLms(data: unknown): FrameToLms | null {
  if (!isObject(data)) return null;
  switch (data.type) {
    case "ready":
      return isNonce(data.nonce) ? { type: "ready", nonce: data.nonce } : null;
    case "ops": {
      const ops = parseOps(data.ops);
      if (!ops || typeof data.reason !== "string" || !OPS_REASONS.includes(data.reason)) return null;
      return { type: "ops", ops, reason: data.reason as OpsReason };
    }
    case "pong":
      return isSeq(data.n) ? { type: "pong", n: data.n } : null;
    case "failure":
      return isBoundedString(data.message, 1_000) ? { type: "failure", message: data.message } : null;
    default:
      return null;
  }
}

function parseSeed(x: unknown): LaunchSeed | null {
  if (!isObject(x)) return null;
  if (!isBoundedString(x.launchId, LIMITS.nonceLength) || x.launchId === "") return null;
  if (x.version !== "1.2" && x.version !== "2004") return null;
  if (!isBoundedString(x.scoUrl, LIMITS.urlLength)) return null;
  if (!Array.isArray(x.values) || x.values.length > LIMITS.seedValues) return null;
  if (typeof x.batchMs !== "number" || !(x.batchMs >= 0 && x.batchMs <= 5_000)) return null;
  const values: Array<[string, string]> = [];
  for (const pair of x.values) {
    if (!Array.isArray(pair) || pair.length !== 2) return null;
    const [element, value] = pair as unknown[];
    if (!isElement(element) || !isBoundedString(value, LIMITS.valueLength)) return null;
    values.push([element, value]);
  }
  return { launchId: x.launchId, version: x.version, scoUrl: x.scoUrl, values, batchMs: x.batchMs };
}

export function parseLmsToFrame(data: unknown): LmsToFrame | null {
  if (!isObject(data)) return null;
  if (data.type === "seed") {
    const seed = parseSeed(data.seed);
    return seed ? { type: "seed", seed } : null;
  }
  if (data.type === "ack") {
    if (!isSeq(data.ackedSeq)) return null;
    if (data.terminated === undefined) return { type: "ack", ackedSeq: data.ackedSeq };
    if (typeof data.terminated !== "boolean") return null;
    return { type: "ack", ackedSeq: data.ackedSeq, terminated: data.terminated };
  }
  if (data.type === "ping") return isSeq(data.n) ? { type: "ping", n: data.n } : null;
  if (data.type === "status") {
    if (typeof data.state !== "string" || !DELIVERY_STATES.includes(data.state)) return null;
    if (!isBoundedString(data.message, 1_000)) return null;
    return { type: "status", state: data.state as DeliveryState, message: data.message };
  }
  return null;
}
