// The ways a CDN can be set up, good and bad, as the mock CDN plays them (issue 6): one profile at a time,
// switchable during a test.
export type CdnProfile =
  | { name: "good" }
  /** A bucket as S3 serves it by default: no CORS, no Cache-Control, no framing policy. */
  | { name: "s3-defaults" }
  /** Everything as application/octet-stream. */
  | { name: "wrong-content-types" }
  /** The frame page and content refuse to be framed by the LMS. */
  | { name: "frame-denied"; via: "x-frame-options" | "csp" }
  /** Range requests are ignored (whole file, 200). */
  | { name: "no-range" }
  /** Each answer waits latencyMs before its headers, then trickles at bytesPerSecond (when given). */
  | { name: "slow"; latencyMs: number; bytesPerSecond?: number }
  /** This fraction of requests (spread evenly, deterministic) answers 503. */
  | { name: "flaky"; errorRatio: number }
  /** Every connection is dropped before an answer. */
  | { name: "outage" }
  /** Every request answers with this status (404, 500, 503 …). */
  | { name: "status"; status: number }
  /** Every request is redirected to the same URL over http:. */
  | { name: "redirect-http" }
  | { name: "frame-missing" }
  /** The frame page and its manifest of another bridge version. */
  | { name: "frame-wrong-version" }
  | { name: "cert-expired" }
  | { name: "cert-wrong-name" };

export type CdnProfileName = CdnProfile["name"];

/** One example of every profile, for tests that walk through them all. */
export const CDN_PROFILE_EXAMPLES: readonly CdnProfile[] = [
  { name: "good" },
  { name: "s3-defaults" },
  { name: "wrong-content-types" },
  { name: "frame-denied", via: "x-frame-options" },
  { name: "frame-denied", via: "csp" },
  { name: "no-range" },
  { name: "slow", latencyMs: 1_500 },
  { name: "flaky", errorRatio: 0.5 },
  { name: "outage" },
  { name: "status", status: 404 },
  { name: "redirect-http" },
  { name: "frame-missing" },
  { name: "frame-wrong-version" },
  { name: "cert-expired" },
  { name: "cert-wrong-name" },
];

/** The version a wrong-version frame page claims. */
export const STALE_FRAME_VERSION = "0.0.1-stale";
