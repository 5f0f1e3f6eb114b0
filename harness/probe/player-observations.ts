// What a test can read off the LMS player page: the delivery state the bridge shows the learner, its message,
// and which outboxes the bridge keeps in the LMS origin's localStorage.
import type { BrowserContext, Page } from "@playwright/test";

/** The player's delivery notice: "ok", "retrying", "signin", "failed" (or null before the bridge set one). */
export async function deliveryNotice(page: Page): Promise<{ state: string | null; text: string }> {
  // State and text read together, in one turn of the page's event loop, so they always belong together.
  return page
    .evaluate(() => {
      const el = document.getElementById("esb-message");
      return { state: el?.getAttribute("data-state") ?? null, text: (el?.textContent ?? "").trim() };
    })
    .catch(() => ({ state: null, text: "" }));
}

/** Keys of the bridge's outboxes in the LMS origin's localStorage. */
export async function outboxKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("esb.outbox")));
}

/**
 * Records, in the player page itself, when its notice first shows each state with a text (wall-clock ms), so
 * timing checks do not depend on how fast the test host polls. Call before the player page opens.
 */
export async function recordNoticeTimes(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (window.top !== window) return;
    const times: Record<string, number> = {};
    (window as unknown as { __esbNoticeTimes: Record<string, number> }).__esbNoticeTimes = times;
    new MutationObserver(() => {
      const el = document.getElementById("esb-message");
      const state = el?.dataset.state ?? "";
      if (el?.textContent && state && times[state] === undefined) {
        times[state] = performance.timeOrigin + performance.now();
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** When the notice first showed `state` with a text (wall-clock ms), if it has (needs recordNoticeTimes). */
export async function noticeShownAt(page: Page, state: string): Promise<number | undefined> {
  return page.evaluate(
    (s) => (window as unknown as { __esbNoticeTimes?: Record<string, number> }).__esbNoticeTimes?.[s],
    state,
  );
}

/** When the page finished receiving the first response whose URL matches `pattern` (wall-clock ms). */
export async function responseEndAt(page: Page, pattern: RegExp): Promise<number | undefined> {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    const entry = performance.getEntriesByType("resource").find((e) => re.test(e.name)) as
      PerformanceResourceTiming | undefined;
    return entry ? performance.timeOrigin + entry.responseEnd : undefined;
  }, pattern.source);
}
