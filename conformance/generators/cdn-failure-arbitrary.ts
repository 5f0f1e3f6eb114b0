// CDN failures for P16: how the CDN fails (as the mock CDN's profiles play it) and when (while the teacher
// configures the activity, when the learner launches, or mid-session), with the timeouts the LMS is set to.
import fc from "fast-check";
import type { CdnProfile } from "../../harness/cdn/cdn-profiles.ts";

export type FailurePhase = "configuration" | "launch" | "mid-session";

export interface CdnFailureCase {
  phase: FailurePhase;
  failure: CdnProfile;
}

/** Failures a browser sees as such (a certificate from the run's CA is trusted by pin, so TLS is server-side only). */
const BROWSER_FAILURES: fc.Arbitrary<CdnProfile> = fc.oneof(
  fc.constantFrom<CdnProfile>({ name: "status", status: 404 }, { name: "outage" }),
  fc.constantFrom(500, 502, 503).map((status): CdnProfile => ({ name: "status", status })),
  fc.integer({ min: 3_000, max: 4_000 }).map((latencyMs): CdnProfile => ({ name: "slow", latencyMs })),
);

const SERVER_FAILURES: fc.Arbitrary<CdnProfile> = fc.oneof(
  BROWSER_FAILURES,
  fc.constantFrom<CdnProfile>({ name: "cert-expired" }, { name: "cert-wrong-name" }),
);

export const cdnFailureCaseArbitrary: fc.Arbitrary<CdnFailureCase> = fc.oneof(
  SERVER_FAILURES.map((failure): CdnFailureCase => ({ phase: "configuration", failure })),
  BROWSER_FAILURES.map((failure): CdnFailureCase => ({ phase: "launch", failure })),
  BROWSER_FAILURES.map((failure): CdnFailureCase => ({ phase: "mid-session", failure })),
);
