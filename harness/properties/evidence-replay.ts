// After a property failed: its counterexample is run once more while the test's evidence captures each page as
// its context closes (test-evidence.ts), so the failure's screenshots show that input's last state at no cost to
// passing runs. The outcome says whether the failure repeats (a pass hints at flakiness).
import type { TestInfo } from "@playwright/test";
import { evidenceOf } from "../browser/test-evidence.ts";

export type EvidenceReplay = "failed again" | "passed" | "timed out";

/** A replay running longer than this is left behind, so the test still ends with the property's own message. */
const REPLAY_LIMIT_MS = 60_000;

export async function replayForEvidence<T>(
  testInfo: TestInfo,
  check: (input: T) => Promise<void>,
  input: T,
): Promise<EvidenceReplay | null> {
  const evidence = evidenceOf(testInfo);
  if (!evidence) return null;
  evidence.capturing = true;
  let timer: NodeJS.Timeout | undefined;
  try {
    const run = check(input).then(
      (): EvidenceReplay => "passed",
      (): EvidenceReplay => "failed again",
    );
    const limit = new Promise<EvidenceReplay>((resolve) => {
      timer = setTimeout(() => resolve("timed out"), REPLAY_LIMIT_MS);
    });
    return await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
    evidence.capturing = false;
  }
}
