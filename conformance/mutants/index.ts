// Every mutant bridge, each breaking one property on purpose. `pnpm test` proves each is caught.
import type { MutantDefinition } from "../../harness/bridges/mutant-bridge.ts";

export const MUTANTS: readonly MutantDefinition[] = [
  {
    name: "both-api-globals",
    targets: ["P02"],
    description: "Exposes the runtime as both window.API and window.API_1484_11.",
    substitutions: {
      "bridge/frame/scorm-runtime.ts": "conformance/mutants/both-api-globals/scorm-runtime.ts",
    },
  },
  {
    name: "commit-only-on-terminate",
    targets: ["P05"],
    description: "Commit returns true but ops are only sent at Terminate.",
    substitutions: {
      "bridge/frame/op-outbox.ts": "conformance/mutants/commit-only-on-terminate/op-outbox.ts",
    },
  },
  {
    name: "truncate-suspend-data",
    targets: ["P06"],
    description: "Cuts suspend_data at 4,096 characters before sending it.",
    substitutions: { "bridge/frame/op-outbox.ts": "conformance/mutants/truncate-suspend-data/op-outbox.ts" },
  },
  {
    name: "retry-without-backoff",
    targets: ["P09"],
    description: "Retries a failed commit after a quarter of the shortest scheduled delay, every time.",
    substitutions: {
      "bridge/lms/retry-schedule.ts": "conformance/mutants/retry-without-backoff/retry-schedule.ts",
    },
  },
  {
    name: "blocking-commit",
    targets: ["P18"],
    description: "Commit spins for a second waiting for the LMS, blocking the SCO.",
    substitutions: { "bridge/frame/op-outbox.ts": "conformance/mutants/blocking-commit/op-outbox.ts" },
  },
  {
    name: "drop-outbox-on-expiry",
    targets: ["P19"],
    description: "Throws the pending ops away when the LMS session has expired.",
    substitutions: { "bridge/lms/delivery.ts": "conformance/mutants/drop-outbox-on-expiry/delivery.ts" },
  },
  {
    name: "no-resend",
    targets: ["P17"],
    description:
      "The frame never hands an unacknowledged op over again, so a lost ops message loses its ops.",
    substitutions: { "bridge/frame/op-outbox.ts": "conformance/mutants/no-resend/op-outbox.ts" },
  },
  {
    name: "deaf-heartbeat",
    targets: ["P17"],
    description: "Pings the frame once an hour: a closed port or a frozen frame is never noticed.",
    substitutions: { "bridge/lms/heartbeat.ts": "conformance/mutants/deaf-heartbeat/heartbeat.ts" },
  },
  {
    name: "handshake-without-timeout",
    targets: ["P15"],
    description: "The launch handshake ignores its configured timeout and waits a day for the frame.",
    substitutions: {
      "bridge/lms/frame-channel.ts": "conformance/mutants/handshake-without-timeout/frame-channel.ts",
    },
  },
  {
    name: "drop-high-interactions",
    targets: ["P13"],
    description: "Never sends writes to interactions above index 199.",
    substitutions: { "bridge/frame/op-outbox.ts": "conformance/mutants/drop-high-interactions/op-outbox.ts" },
  },
  {
    name: "normalise-values",
    targets: ["P04"],
    description: "NFC-normalises and trims every value before sending it.",
    substitutions: { "bridge/frame/op-outbox.ts": "conformance/mutants/normalise-values/op-outbox.ts" },
  },
  {
    name: "accept-any-origin",
    targets: ["P20"],
    description: "The frame accepts a hello with its nonce from any window of any origin.",
    substitutions: { "bridge/frame/hello-check.ts": "conformance/mutants/accept-any-origin/hello-check.ts" },
  },
  {
    name: "post-to-any-origin",
    targets: ["P20"],
    description: "The LMS page posts its hello with target origin *.",
    substitutions: { "bridge/lms/post-hello.ts": "conformance/mutants/post-to-any-origin/post-hello.ts" },
  },
  {
    name: "any-launch-id",
    targets: ["P23"],
    description: "The LMS API accepts a commit through any existing launch id, whoever it was issued to.",
    substitutions: {
      "moodle-stack/twin/access-rules.ts": "conformance/mutants/any-launch-id/access-rules.ts",
    },
  },
  {
    name: "unlogged-refusals",
    targets: ["P24"],
    description: "The LMS API refuses forbidden calls but logs nothing about them.",
    substitutions: {
      "moodle-stack/twin/refusal-log.ts": "conformance/mutants/unlogged-refusals/refusal-log.ts",
    },
  },
  {
    name: "mapping-whole-second-durations",
    targets: ["P12"],
    description: "Maps 1.2 durations to 2004 without their centiseconds.",
    substitutions: {
      "bridge/mapping/durations.ts": "conformance/mutants/mapping-whole-second-durations/durations.ts",
    },
  },
  {
    name: "ignore-capability-overrides",
    targets: ["P22"],
    description:
      "The LMS API checks capabilities against the roles' site defaults, ignoring the activity's overrides.",
    substitutions: {
      "moodle-stack/twin/capabilities.ts": "conformance/mutants/ignore-capability-overrides/capabilities.ts",
    },
  },
  {
    name: "unbounded-final-grade",
    targets: ["P07"],
    description:
      "Plugin server side: the gradebook's final grade is the raw grade, not bounded into the item's range.",
    substitutions: {
      "moodle-stack/twin/gradebook.ts": "conformance/mutants/unbounded-final-grade/gradebook.ts",
    },
  },
  {
    name: "completion-not-sticky",
    targets: ["P08"],
    description:
      "Plugin server side: completion is re-evaluated after it was complete, so it can go back to incomplete.",
    substitutions: {
      "moodle-stack/twin/completion.ts": "conformance/mutants/completion-not-sticky/completion.ts",
    },
  },
  {
    name: "choice-off-by-one",
    targets: ["P11"],
    description: "Resolves a 2004 choice request to the SCO after its target.",
    substitutions: { "bridge/lms/navigation.ts": "conformance/mutants/choice-off-by-one/navigation.ts" },
  },
  {
    name: "every-status-logged",
    targets: ["P10"],
    description:
      "The LMS logs status_submitted for every status write, not only completed, passed and failed.",
    substitutions: {
      "moodle-stack/twin/scorm-events.ts": "conformance/mutants/every-status-logged/scorm-events.ts",
    },
  },
  {
    name: "cdn-url-userinfo-allowed",
    targets: ["P01"],
    description: "The plugin's CDN URL check ignores user-info, so https://good@host/… is accepted.",
    substitutions: {
      "moodle-stack/twin/cdn-url-syntax.ts": "conformance/mutants/cdn-url-userinfo-allowed/cdn-url-syntax.ts",
    },
  },
  {
    name: "url-check-without-timeout",
    targets: ["P15"],
    description: "The plugin's CDN URL check ignores the URL-check timeout and waits for a slow CDN.",
    substitutions: {
      "moodle-stack/twin/cdn-url-check.ts": "conformance/mutants/url-check-without-timeout/cdn-url-check.ts",
    },
  },
  {
    name: "no-retry-control",
    targets: ["P16"],
    description: "A content server failure is reported without a retry control.",
    substitutions: {
      "bridge/lms/learner-messages.ts": "conformance/mutants/no-retry-control/learner-messages.ts",
    },
  },
  {
    name: "whitelist-suffix-match",
    targets: ["P14"],
    description: "Matches *.domain entries by text suffix, without a label boundary.",
    substitutions: {
      "bridge/protocol/cdn-whitelist.ts": "conformance/mutants/whitelist-suffix-match/cdn-whitelist.ts",
    },
  },
  {
    name: "lms-page-trusts-launch",
    targets: ["P14"],
    description: "The LMS page frames whatever origin the launch answer names.",
    substitutions: {
      "bridge/protocol/cdn-whitelist.ts": "conformance/mutants/lms-page-trusts-launch/cdn-whitelist.ts",
    },
  },
  {
    name: "drifting-last-error",
    targets: ["P03"],
    description: "SetValue and Commit answer true at once; GetLastError reports the previous call's code.",
    substitutions: {
      "bridge/frame/scorm-runtime.ts": "conformance/mutants/drifting-last-error/scorm-runtime.ts",
    },
  },
  {
    name: "plaintext-at-rest",
    targets: ["P21"],
    description:
      "Marks suspend_data and sensitive values as encrypted but stores the plaintext behind the prefix.",
    substitutions: {
      "moodle-stack/twin/at-rest-encryption.ts":
        "conformance/mutants/plaintext-at-rest/at-rest-encryption.ts",
    },
  },
  {
    name: "garbage-on-wrong-key",
    targets: ["P21"],
    description: "Encrypts without authentication: a replaced site key decrypts stored values to garbage.",
    substitutions: {
      "moodle-stack/twin/at-rest-encryption.ts":
        "conformance/mutants/garbage-on-wrong-key/at-rest-encryption.ts",
    },
  },
  {
    name: "csv-unquoted",
    targets: ["P25"],
    description:
      "The export writes fields unenclosed: tabs, quotes and line breaks in values break its rows.",
    substitutions: {
      "moodle-stack/twin/tab-separated.ts": "conformance/mutants/csv-unquoted/tab-separated.ts",
    },
  },
  {
    name: "dashboard-on-terminate-only",
    targets: ["P26"],
    description: "The live dashboard hears only about commits that finish the SCO.",
    substitutions: {
      "moodle-stack/twin/dashboard-feed.ts":
        "conformance/mutants/dashboard-on-terminate-only/dashboard-feed.ts",
    },
  },
  {
    name: "reset-keeps-grades",
    targets: ["P27"],
    description: "Resets delete tracks and attempts but leave grades and completion behind.",
    substitutions: {
      "moodle-stack/twin/attempt-reset.ts": "conformance/mutants/reset-keeps-grades/attempt-reset.ts",
    },
  },
];
