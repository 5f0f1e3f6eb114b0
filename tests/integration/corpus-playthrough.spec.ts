// Every Golf package and the open course, published to the CDN and played briefly through the bridge on the
// embedded stack: launch, the SCO initialises, its frame is navigated away so its own unload handler commits and
// terminates; what lands in mod_scorm's tables is exactly the list in tests/corpus/expected-tracking.json.
import path from "node:path";
import type { Frame, Page } from "@playwright/test";
import { expect, test } from "../../harness/browser/fixtures.ts";
import type { StoredTrack } from "../../harness/lms-driver/lms-driver.ts";
import { CORPUS_SCORM_DIR, corpusAbsentNotice } from "../../harness/packages/corpus-location.ts";
import { FolderPublisher } from "../../harness/packages/publish/folder-publisher.ts";
import { eventually } from "../../harness/properties/eventually.ts";
import expectedTracking from "../corpus/expected-tracking.json" with { type: "json" };

interface Expected {
  initializes: boolean;
  elements: Record<string, string | null>;
  patterns?: Record<string, string | null>;
  /** The SCO has started only once this element has a value in its runtime. */
  readyWhenSet?: string;
  /** Elements that land only once the SCO's unload handler has finished it. */
  landsAtFinish?: string[];
}

const notice = corpusAbsentNotice();
test.skip(notice !== null, notice ?? "");
test.describe.configure({ mode: "serial" });

const packages = Object.entries(expectedTracking).filter(([name]) => !name.startsWith("$")) as [
  string,
  Expected,
][];

/**
 * SequencingPostTestRollup4thEd loads jQuery and jQuery UI from ajax.googleapis.com and calls $(...).dialog()
 * first thing in its onload handler. The tests have no network, so the browser gets this stand-in for the few
 * jQuery calls the page makes (written here, not jQuery's code) instead of a DNS failure that stops the SCO.
 */
const JQUERY_STANDIN = `window.jQuery = window.$ = function () {
  var self = { dialog: function () { return self; }, val: function () { return ""; } };
  return self;
};`;

/**
 * Whether the SCO has initialised the SCORM runtime in the bridge frame (a GetValue succeeds), and, when
 * `readyElement` is given, has given that element a value.
 */
async function scoStarted(bridgeFrame: Frame, readyElement: string | undefined): Promise<boolean> {
  return bridgeFrame
    .evaluate((ready) => {
      const w = window as unknown as Record<string, { [fn: string]: (...a: string[]) => string } | undefined>;
      const api12 = w.API;
      const api2004 = w.API_1484_11;
      const get = api12 ? api12.LMSGetValue! : api2004?.GetValue;
      const lastError = api12 ? api12.LMSGetLastError! : api2004?.GetLastError;
      if (!get || !lastError) return false;
      const value = get(ready ?? (api12 ? "cmi.core.lesson_status" : "cmi.completion_status"));
      return lastError() === "0" && (ready === null || value !== "");
    }, readyElement ?? null)
    .catch(() => false);
}

function matches(rows: readonly StoredTrack[], expected: Expected): boolean {
  const stored = new Map(rows.map((r) => [r.element, r.value]));
  const named = Object.entries(expected.elements).every(
    ([element, value]) => stored.has(element) && (value === null || stored.get(element) === value),
  );
  const patterned = Object.entries(expected.patterns ?? {}).every(([pattern, value]) =>
    rows.some((r) => new RegExp(pattern).test(r.element) && (value === null || r.value === value)),
  );
  return named && patterned;
}

/** What must have landed before the SCO is navigated away: everything but what only its finish stores. */
function beforeFinish(expected: Expected): Expected {
  const atFinish = new Set(expected.landsAtFinish ?? []);
  const elements = Object.fromEntries(Object.entries(expected.elements).filter(([e]) => !atFinish.has(e)));
  return { ...expected, elements };
}

function unexpected(rows: readonly StoredTrack[], expected: Expected): string[] {
  const patterns = Object.keys(expected.patterns ?? {}).map((p) => new RegExp(p));
  return rows
    .map((r) => r.element)
    .filter((e) => !(e in expected.elements) && !patterns.some((p) => p.test(e)));
}

async function scoFrame(page: Page, baseUrl: string): Promise<Frame> {
  const frame = await eventually(
    async () => page.frames().find((f) => f.url().startsWith(baseUrl)),
    (f) => f !== undefined,
    20_000,
  );
  if (!frame) throw new Error(`The SCO under ${baseUrl} never loaded`);
  await frame.waitForLoadState("load");
  return frame;
}

test("every Golf package and the open course play through the bridge and their tracking lands", async ({
  browser,
  stack,
  lms,
}) => {
  test.setTimeout(240_000);
  const publisher = new FolderPublisher(stack.storageDir, `${stack.origins.cdn}/packages`);
  const course = await lms.createCourse("Third-party corpus");
  for (const [i, [name, expected]] of packages.entries()) {
    const published = await publisher.publish(`corpus-${i}`, path.join(CORPUS_SCORM_DIR, name));
    const activity = await lms.createCdnActivity(course, name, published.manifestUrl);
    const user = await lms.createUser(`corpus-learner-${i}`);
    await lms.enrol(user, course);
    const context = await browser.newContext();
    try {
      await context.route("https://ajax.googleapis.com/**", (route) =>
        route.fulfill({ contentType: "text/javascript", body: JQUERY_STANDIN }),
      );
      const page = await context.newPage();
      page.on("dialog", (d) => void d.dismiss());
      await lms.login(page, user);
      await page.goto(lms.playerUrl(activity, activity.scoes[0]!.id));
      const sco = await scoFrame(page, published.baseUrl);
      if (expected.initializes) {
        const bridgeFrame = sco.parentFrame()!;
        const started = await eventually(
          () => scoStarted(bridgeFrame, expected.readyWhenSet),
          Boolean,
          30_000,
          200,
        );
        expect(started, `${name}: the SCO initialised`).toBe(true);
      }
      if (expected.readyWhenSet) {
        // a SCO that commits on its own as it goes (Adapt) is left to do so before it is navigated away
        await eventually(
          () => lms.tracks(activity, user),
          (r) => matches(r, beforeFinish(expected)),
          15_000,
          250,
        );
      }
      await sco.evaluate(() => {
        window.location.href = "about:blank";
      });
      const rows = await eventually(
        () => lms.tracks(activity, user),
        (r) => matches(r, expected),
        15_000,
      );
      const stored = Object.fromEntries(rows.map((r) => [r.element, r.value]));
      expect(matches(rows, expected), `${name} stored ${JSON.stringify(stored)}`).toBe(true);
      expect(unexpected(rows, expected), name).toEqual([]);
    } finally {
      await context.close();
    }
  }
});
