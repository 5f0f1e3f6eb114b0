// The worker's browser as tests see it: the same Browser, except that every context it creates (newContext, and
// the context behind newPage) is first handed to `adopt` (the current test's evidence), before any page opens.
import type { Browser, BrowserContext } from "@playwright/test";

export function observedBrowser(
  browser: Browser,
  adopt: (context: BrowserContext) => Promise<void>,
): Browser {
  const newContext: Browser["newContext"] = async (options) => {
    const context = await browser.newContext(options);
    try {
      await adopt(context);
    } catch (error) {
      await context.close();
      throw error;
    }
    return context;
  };
  // As Browser.newPage: a context of its own, closed with the page.
  const newPage: Browser["newPage"] = async (options) => {
    const context = await newContext(options);
    const page = await context.newPage();
    page.once("close", () => void context.close().catch(() => undefined));
    return page;
  };
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === "newContext") return newContext;
      if (prop === "newPage") return newPage;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
