// Calls the plugin's web services the way a script on an LMS page could: from inside the signed-in user's page,
// with that page's cookie and sesskey, through Moodle's ajax endpoint, with whatever parameters the caller forges.
// Used by the access-control properties to play the attacker; it knows only the public wire format.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { LmsDriver, LmsUser } from "../lms-driver/lms-driver.ts";

export const LAUNCH_METHOD = "local_externalscormbridge_launch";
export const COMMIT_METHOD = "local_externalscormbridge_commit";

/** Moodle's ajax answer for one call: data, or an exception with its errorcode. */
export interface ApiAnswer {
  error: boolean;
  data?: unknown;
  exception?: { errorcode?: string; message?: string };
  /** HTTP status of the ajax request. */
  status: number;
}

/** A commit op as the LMS API takes it. */
export interface ApiOp {
  seq: number;
  element: string;
  value: string;
}

/** How a caller may spoil the ajax request itself: no or a wrong sesskey, or a GET instead of a POST. */
export interface RequestSpoiling {
  sesskey?: "missing" | "wrong";
  http?: "GET";
}

export async function callLmsApi(
  page: Page,
  methodname: string,
  args: Record<string, unknown>,
  spoil: RequestSpoiling = {},
): Promise<ApiAnswer> {
  return page.evaluate(
    async ({ methodname, args, spoil }) => {
      const keyResponse = await fetch("/local/externalscormbridge/sesskey.php", {
        credentials: "same-origin",
      });
      const { sesskey } = (await keyResponse.json()) as { sesskey?: string };
      const key = spoil.sesskey === "wrong" ? `${sesskey ?? ""}x` : (sesskey ?? "");
      const query = spoil.sesskey === "missing" ? "" : `sesskey=${encodeURIComponent(key)}&`;
      const calls = JSON.stringify([{ index: 0, methodname, args }]);
      const response = await fetch(
        `/lib/ajax/service.php?${query}info=${encodeURIComponent(methodname)}` +
          (spoil.http === "GET" ? `&args=${encodeURIComponent(calls)}` : ""),
        spoil.http === "GET"
          ? { credentials: "same-origin" }
          : {
              method: "POST",
              credentials: "same-origin",
              headers: { "Content-Type": "application/json" },
              body: calls,
            },
      );
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        return {
          error: true,
          exception: { errorcode: `http${response.status}`, message: text.slice(0, 200) },
          status: response.status,
        };
      }
      const first = Array.isArray(body)
        ? (body[0] as Record<string, unknown>)
        : (body as Record<string, unknown>);
      if (first && typeof first.errorcode === "string")
        return {
          error: true,
          exception: { errorcode: first.errorcode, message: String(first.error ?? "") },
          status: response.status,
        };
      return { ...(first as { error: boolean }), status: response.status };
    },
    { methodname, args, spoil },
  );
}

/** A signed-in page on the LMS origin (the site's front page), in a browser context of its own. */
export interface LmsPage {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openLmsPage(browser: Browser, lms: LmsDriver, user: LmsUser): Promise<LmsPage> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await lms.login(page, user);
    await page.goto(`${lms.origin}/`);
    return { context, page, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}
