// The bridge's runtime configuration (retry schedule, timeouts, heartbeat), as the LMS hands it out at launch,
// with validation that names every bad value.
import { validateWhitelist } from "./cdn-whitelist.ts";

export interface BridgeConfig {
  /** Delays in ms before each retry; the last one repeats forever. */
  retryScheduleMs: number[];
  /** Fraction of each delay added or removed at random (0 to 0.5). */
  retryJitter: number;
  /** How long one LMS API call may take before it counts as failed (and is retried). */
  apiTimeoutMs: number;
  /** How long the frame handshake may take before the learner is told. */
  handshakeTimeoutMs: number;
  /** How long the LMS's check of a CDN URL (manifest and frame page fetched) may take before it is refused. */
  urlCheckTimeoutMs: number;
  /** How long the frame may batch changes before handing them to the LMS page. */
  changeBatchMs: number;
  /** Interval of the LMS page's pings to the frame; two missed answers mean the channel is lost. */
  heartbeatMs: number;
  /** Hosts the bridge frame may come from ("cdn.example.com", "*.example.com"); empty: no restriction. */
  cdnWhitelist: string[];
  /** Log every protocol message to the browser console. */
  debug: boolean;
}

export const DEFAULT_BRIDGE_CONFIG: BridgeConfig = {
  retryScheduleMs: [1_000, 2_000, 4_000, 8_000, 30_000],
  retryJitter: 0.2,
  apiTimeoutMs: 10_000,
  handshakeTimeoutMs: 15_000,
  urlCheckTimeoutMs: 10_000,
  changeBatchMs: 50,
  heartbeatMs: 5_000,
  cdnWhitelist: [],
  debug: false,
};

export class BridgeConfigError extends Error {}

const within = (x: unknown, min: number, max: number): x is number =>
  typeof x === "number" && Number.isFinite(x) && x >= min && x <= max;

/** Returns a complete configuration from a partial one, or throws listing every invalid value. */
export function validateBridgeConfig(input: Partial<Record<keyof BridgeConfig, unknown>>): BridgeConfig {
  const config = { ...DEFAULT_BRIDGE_CONFIG, ...input } as Record<keyof BridgeConfig, unknown>;
  const errors: string[] = [];
  const schedule = config.retryScheduleMs;
  if (!Array.isArray(schedule) || schedule.length === 0 || schedule.length > 20) {
    errors.push("retryScheduleMs must be a list of 1 to 20 delays");
  } else if (!schedule.every((d) => within(d, 10, 3_600_000))) {
    errors.push("every delay in retryScheduleMs must be between 10 ms and 1 hour");
  }
  if (!within(config.retryJitter, 0, 0.5)) errors.push("retryJitter must be between 0 and 0.5");
  if (!within(config.apiTimeoutMs, 100, 300_000))
    errors.push("apiTimeoutMs must be between 100 ms and 5 minutes");
  if (!within(config.handshakeTimeoutMs, 500, 300_000)) {
    errors.push("handshakeTimeoutMs must be between 500 ms and 5 minutes");
  }
  if (!within(config.urlCheckTimeoutMs, 500, 60_000)) {
    errors.push("urlCheckTimeoutMs must be between 500 ms and 1 minute");
  }
  if (!within(config.changeBatchMs, 0, 5_000)) errors.push("changeBatchMs must be between 0 and 5 seconds");
  if (!within(config.heartbeatMs, 100, 60_000))
    errors.push("heartbeatMs must be between 100 ms and 1 minute");
  if (typeof config.debug !== "boolean") errors.push("debug must be true or false");
  try {
    config.cdnWhitelist = validateWhitelist(config.cdnWhitelist);
  } catch (error) {
    errors.push((error as Error).message.replace(/\.$/, ""));
  }
  if (errors.length > 0) throw new BridgeConfigError(`Invalid bridge configuration: ${errors.join("; ")}.`);
  return config as unknown as BridgeConfig;
}
