// What a test can read off the LMS player page: the delivery state the bridge shows the learner, its message,
// and which outboxes the bridge keeps in the LMS origin's localStorage.
import type { Page } from "@playwright/test";

/** The player's delivery notice: "ok", "retrying", "signin", "failed" (or null before the bridge set one). */
export async function deliveryNotice(page: Page): Promise<{ state: string | null; text: string }> {
  const el = page.locator("#esb-message");
  return {
    state: await el.getAttribute("data-state").catch(() => null),
    text: ((await el.textContent().catch(() => "")) ?? "").trim(),
  };
}

/** Keys of the bridge's outboxes in the LMS origin's localStorage. */
export async function outboxKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("esb.outbox")));
}
