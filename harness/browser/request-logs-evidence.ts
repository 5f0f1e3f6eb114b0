// Evidence of a failed test: the requests the LMS (its API calls and pages) and the CDN served during it,
// attached as lms-requests.json and cdn-requests.json (shown by the harness UI and the allure report).
import type { TestInfo } from "@playwright/test";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";

const MAX_ENTRIES = 2_000;

export async function attachRequestLogsOnFailure(
  testInfo: TestInfo,
  stack: Pick<EmbeddedStack, "lmsLog" | "cdnLog">,
  from: { lms: number; cdn: number },
): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  const logs = [
    ["lms-requests.json", stack.lmsLog.entries.slice(from.lms)],
    ["cdn-requests.json", stack.cdnLog.entries.slice(from.cdn)],
  ] as const;
  for (const [name, entries] of logs)
    await testInfo.attach(name, {
      body: JSON.stringify(entries.slice(-MAX_ENTRIES), null, 2),
      contentType: "application/json",
    });
}
