// Evidence of one test from the browser contexts it opens: their postMessage log (message-log.ts), PNGs of pages,
// and the SCORM tracks stored meanwhile (stored-rows.ts). Attached only when the test failed; a passing test
// leaves nothing and pays only for the message log. Screenshots cost a few hundred ms each on a loaded machine,
// so they are taken only when asked for: of each page as its context closes while `capturing` (run-property.ts
// replays a property's counterexample so, whose pages its finally blocks close), and of each page still open
// when a failed test ends. Traces are Playwright's own (trace: retain-on-failure in playwright.config.ts): they
// record every context, these included, screencast frames and all.
import type { BrowserContext, TestInfo } from "@playwright/test";
import type { SiteOrigins } from "../stack/sites.ts";
import { MessageLog } from "./message-log.ts";
import type { StoredRowsEvidence, TwinQuery } from "./stored-rows.ts";

export interface PageShot {
  png: Buffer;
  url: string;
  when: "context closed" | "open at the end";
}

export type EvidenceTestInfo = Pick<TestInfo, "status" | "expectedStatus" | "attach">;

/** Screenshots kept from closing contexts, the latest: a replayed counterexample opens one or two. */
export const KEPT_SHOTS = 4;
const SHOT_TIMEOUT_MS = 2_000;

export class TestEvidence {
  readonly messages = new MessageLog();
  /** While true, each page is shot as its context closes. */
  capturing = false;
  private readonly open = new Set<BrowserContext>();
  private readonly shots: PageShot[] = [];
  private adopted = 0;
  private finished = false;

  /** Takes in a context the test opened, before its first page: logs its messages, shoots its pages on close. */
  async adopt(context: BrowserContext, origins: SiteOrigins): Promise<void> {
    this.adopted++;
    this.open.add(context);
    context.once("close", () => this.open.delete(context));
    await this.messages.install(context, origins);
    const close = context.close.bind(context);
    context.close = async (options?: Parameters<BrowserContext["close"]>[0]): Promise<void> => {
      if (this.capturing && !this.finished && this.open.has(context))
        await this.shoot(context, "context closed");
      await close(options);
    };
  }

  /** PNGs kept so far, oldest first. */
  screenshots(): readonly PageShot[] {
    return this.shots;
  }

  /** Ends the collection; when the test failed, attaches what was gathered (stored rows when a twin ran). */
  async finish(
    testInfo: EvidenceTestInfo,
    storedRows: (() => Promise<StoredRowsEvidence>) | null,
  ): Promise<void> {
    const failed = testInfo.status !== testInfo.expectedStatus;
    if (failed) for (const context of this.open) await this.shoot(context, "open at the end");
    this.finished = true;
    this.open.clear();
    if (!failed) return;
    const json = (body: unknown) => ({
      body: JSON.stringify(body, null, 2),
      contentType: "application/json",
    });
    let n = 0;
    for (const shot of this.shots)
      await testInfo.attach(`screenshot-${++n}.png`, { body: shot.png, contentType: "image/png" });
    if (this.adopted > 0) await testInfo.attach("postmessage-log.json", json(this.messages));
    if (!storedRows) return;
    let rows: StoredRowsEvidence | { error: string };
    try {
      rows = await storedRows();
    } catch (error) {
      rows = { error: `stored rows could not be read: ${String(error)}` };
    }
    await testInfo.attach("stored-rows.json", json(rows));
  }

  private async shoot(context: BrowserContext, when: PageShot["when"]): Promise<void> {
    for (const page of context.pages()) {
      if (page.isClosed()) continue;
      const png = await page.screenshot({ timeout: SHOT_TIMEOUT_MS }).catch(() => null);
      if (!png) continue;
      this.shots.push({ png, url: page.url(), when });
      if (when === "context closed" && this.shots.length > KEPT_SHOTS) this.shots.shift();
    }
  }
}

/** Per worker: the running test's evidence (null between tests) and the worker's twin once its stack is up. */
export interface EvidenceSlot {
  current: TestEvidence | null;
  twin: TwinQuery | null;
}

const byTest = new WeakMap<object, TestEvidence>();

/** The evidence the fixtures gather for a test, for code that has only its TestInfo (run-property.ts). */
export function evidenceOf(testInfo: TestInfo): TestEvidence | undefined {
  return byTest.get(testInfo);
}

export function registerEvidence(testInfo: TestInfo, evidence: TestEvidence): void {
  byTest.set(testInfo, evidence);
}
