// Calls the LMS API from a signed-in player page, as any script on the LMS origin could: Moodle's ajax
// envelope with the page's sesskey. Lets a property send the LMS exactly the message it wants to test.
import type { Page } from "@playwright/test";

export interface AjaxResult {
  error: boolean;
  data?: unknown;
  exception?: { errorcode: string; message: string };
}

export async function callLmsApi(
  page: Page,
  methodname: string,
  args: Record<string, unknown>,
): Promise<AjaxResult> {
  const results = await page.evaluate(
    async ({ methodname, args }) => {
      const config = JSON.parse(document.getElementById("esb-config")?.textContent ?? "{}") as {
        wwwroot: string;
        sesskey: string;
      };
      const url = `${config.wwwroot}/lib/ajax/service.php?sesskey=${encodeURIComponent(config.sesskey)}&info=${methodname}`;
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify([{ index: 0, methodname, args }]),
      });
      return (await response.json()) as unknown;
    },
    { methodname, args },
  );
  if (!Array.isArray(results) || results.length !== 1) {
    return { error: true, exception: { errorcode: "badresponse", message: JSON.stringify(results) } };
  }
  return results[0] as AjaxResult;
}
