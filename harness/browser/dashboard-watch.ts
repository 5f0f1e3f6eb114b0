// Watches the teacher's live dashboard page for a learner's row to show a status and score, without reloading:
// resolves with the page's own clock at the update (the row's data-updated), or null after the timeout.
import type { Page } from "@playwright/test";

export interface DashboardShown {
  /** Date.now() in the dashboard page when the row last changed. */
  updatedAt: number;
}

/** Marks the page so that a reload (which would clear the mark) can be told apart from a live update. */
export async function markDashboard(page: Page): Promise<string> {
  const mark = `mark-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((m) => ((window as unknown as { esbMark?: string }).esbMark = m), mark);
  return mark;
}

export async function dashboardStillMarked(page: Page, mark: string): Promise<boolean> {
  return page.evaluate((m) => (window as unknown as { esbMark?: string }).esbMark === m, mark);
}

export async function waitForDashboardRow(
  page: Page,
  username: string,
  expected: { status: string; score: string },
  timeoutMs: number,
): Promise<DashboardShown | null> {
  const handle = await page
    .waitForFunction(
      ({ name, status, score }) => {
        // No nested named functions: tsx (the bench) would wrap them in a helper the page does not have.
        for (const row of document.querySelectorAll("#esb-dashboard tbody tr")) {
          const cells = ["username", "status", "score"].map(
            (col) => row.querySelector(`[data-col="${col}"]`)?.textContent ?? "",
          );
          if (cells[0] === name && cells[1] === status && cells[2] === score)
            return Number(row.getAttribute("data-updated") ?? "0");
        }
        return false;
      },
      { name: username, ...expected },
      { timeout: timeoutMs, polling: 25 },
    )
    .catch(() => null);
  if (!handle) return null;
  return { updatedAt: Number(await handle.jsonValue()) };
}
