// Plays one SCO of a published package through the bridge, as `certify` defines playing (see certify-play.ts):
// the learner opens the LMS's player, the bridge frame comes from the vendor's CDN, the SCO itself must call
// Initialize through it and get "true"; then certify's scripted session (sco-session-drive.ts) writes, commits
// and terminates from the SCO's frame, and the values must be in the LMS's tables exactly as written.
import type { Browser, Frame, Page } from "playwright";
import type { ScormVersion } from "../../bridge/protocol/messages.ts";
import type { CdnActivity, LmsDriver, LmsUser, StoredTrack } from "../lms-driver/lms-driver.ts";
import { deliveryNotice } from "../probe/player-observations.ts";
import { eventually } from "../properties/eventually.ts";
import { installApiRecorder, readApiRecord, type ApiRecord } from "./sco-api-recorder.ts";
import {
  API_GLOBAL_OF,
  DRIVE_ELEMENTS,
  describeValue,
  driveSession,
  driveValues,
  type DriveOutcome,
} from "./sco-session-drive.ts";

export interface ScoPlay {
  browser: Browser;
  lms: LmsDriver;
  learner: LmsUser;
  activity: CdnActivity;
  sco: CdnActivity["scoes"][number];
  version: ScormVersion;
  /** The origin of the package on the CDN (the bridge frame and the SCO must be served from it). */
  cdnOrigin: string;
  /** For the whole SCO: player open to values stored. */
  timeoutMs: number;
}

export interface ScoPlayResult {
  passed: boolean;
  evidence: string[];
  elapsedMs: number;
}

const POLL_MS = 100;
const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
};
const withoutHash = (url: string): string => url.replace(/#.*$/, "");

/** The LMS API calls the player page made (method and outcome), for the evidence. */
function watchLmsCalls(page: Page): () => Promise<string[]> {
  const pending: Array<Promise<string>> = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith("/lib/ajax/service.php")) return;
    const method = (url.searchParams.get("info") ?? "?").replace(/^local_externalscormbridge_/, "");
    pending.push(
      response
        .json()
        .then((body: unknown) => {
          const first = (Array.isArray(body) ? body[0] : body) as
            { error?: unknown; exception?: { errorcode?: unknown }; errorcode?: unknown } | undefined;
          const code = first?.exception?.errorcode ?? first?.errorcode;
          return `${method} ${response.status()}${first?.error ? ` refused (${String(code)})` : ""}`;
        })
        .catch(() => `${method} ${response.status()}`),
    );
  });
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string[]>((resolve) => {
      timer = setTimeout(() => resolve([`${pending.length} call(s), answers still arriving`]), 2_000);
    });
    return Promise.race([Promise.all(pending), late]).finally(() => clearTimeout(timer));
  };
}

/** Browser console errors and uncaught page errors (any frame), the first few, shortened. */
function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  const keep = (text: string): void => {
    if (errors.length < 6) errors.push(text.replace(/\s+/g, " ").slice(0, 300));
  };
  page.on("console", (message) => {
    if (message.type() === "error") keep(message.text());
  });
  page.on("pageerror", (error) => keep(error.message));
  return errors;
}

/** The SCORM API globals a frame defines (a SCO's discovery stops at the first window holding either). */
const apiGlobalsOf = (frame: Frame): Promise<string[]> =>
  frame.evaluate(() => ["API", "API_1484_11"].filter((name) => name in window)).catch(() => []);

/** A frame the browser replaced by its error page: framing refused, or the page could not be loaded. */
const isErrorPage = (frame: Frame): boolean => frame.url().startsWith("chrome-error:");
const errorPageIn = (what: string): string =>
  `the browser showed an error page in place of ${what} (framing refused by the CDN's X-Frame-Options or frame-ancestors, or the page failed to load)`;

type InitializeWait =
  { ok: true; bridge: Frame; record: ApiRecord } | { ok: false; reason: string; record: ApiRecord | null };

/** Waits until the SCO has called Initialize through the bridge frame, or says why it did not. */
async function waitForInitialize(page: Page, input: ScoPlay, deadline: number): Promise<InitializeWait> {
  let record: ApiRecord | null = null;
  let lastSeen = "the player page opened";
  while (Date.now() < deadline) {
    const frames = page.mainFrame().childFrames();
    const bridge = frames.find((f) => originOf(f.url()) === input.cdnOrigin);
    if (!bridge && frames.some(isErrorPage))
      return { ok: false, reason: errorPageIn("the bridge frame page"), record };
    if (bridge?.childFrames().some(isErrorPage)) return { ok: false, reason: errorPageIn("the SCO"), record };
    if (bridge) {
      lastSeen = `the bridge frame ${withoutHash(bridge.url())} loaded`;
      record = await readApiRecord(bridge);
      if (record?.exposed) lastSeen += ` and exposed ${API_GLOBAL_OF[input.version]}`;
      if (record?.initialize === "true") return { ok: true, bridge, record };
      if (record && record.initialize !== null) {
        return {
          ok: false,
          reason: `the SCO's Initialize answered ${JSON.stringify(record.initialize)}`,
          record,
        };
      }
    }
    const notice = await deliveryNotice(page);
    if (notice.state === "error" || notice.state === "failed") {
      return { ok: false, reason: `the player reports: ${notice.text.slice(0, 300)}`, record };
    }
    await page.waitForTimeout(POLL_MS);
  }
  return {
    ok: false,
    reason: `the SCO did not call ${input.version === "1.2" ? "LMSInitialize" : "Initialize"} through the bridge within ${input.timeoutMs} ms (last seen: ${lastSeen})`,
    record,
  };
}

function describeCalls(record: ApiRecord | null, by: "sco" | "certify"): string {
  if (!record) return "none recorded";
  const calls = record.calls.filter((c) => c.by === by);
  const shown = calls
    .slice(0, 8)
    .map((c) => `${c.method}(${c.args.map((a) => JSON.stringify(a)).join(", ")}) → ${c.result}`);
  const more = calls.length - shown.length + (by === "sco" ? record.dropped : 0);
  return shown.length === 0 ? "none" : `${shown.join("; ")}${more > 0 ? `; … ${more} more` : ""}`;
}

function describeDrive(outcome: DriveOutcome): string {
  return outcome.calls
    .map(
      (c) =>
        `${c.method}(${c.args.map((a) => JSON.stringify(a)).join(", ")}) → ${c.result} (error ${c.error})`,
    )
    .join("; ");
}

/** The SCO's stored values in its latest attempt, by element. */
async function storedValues(input: ScoPlay): Promise<Map<string, string>> {
  const rows: StoredTrack[] = (await input.lms.tracks(input.activity, input.learner)).filter(
    (r) => r.scoid === input.sco.id,
  );
  const attempt = Math.max(0, ...rows.map((r) => r.attempt));
  return new Map(rows.filter((r) => r.attempt === attempt).map((r) => [r.element, r.value]));
}

/** Whether the SCO's session landed: certify's values stored as written, or (SCO terminated) anything stored. */
async function checkLanded(
  input: ScoPlay,
  expected: Record<string, string> | null,
  deadline: number,
): Promise<{ landed: boolean; lines: string[] }> {
  const done = (stored: Map<string, string>): boolean =>
    expected
      ? Object.entries(expected).every(([element, value]) => stored.get(element) === value)
      : [...stored.keys()].some((element) => element !== "x.start.time");
  const stored = await eventually(() => storedValues(input), done, Math.max(0, deadline - Date.now()), 250);
  if (!expected) {
    const elements = [...stored.keys()].filter((e) => e !== "x.start.time");
    return {
      landed: done(stored),
      lines: [`stored for this SCO: ${elements.length > 0 ? elements.slice(0, 20).join(", ") : "nothing"}`],
    };
  }
  const lines = Object.entries(expected).map(([element, value]) => {
    const got = stored.get(element);
    if (got === value) return `stored ${element} = ${describeValue(got)}: as written`;
    return got === undefined
      ? `stored ${element}: nothing (wrote ${describeValue(value)})`
      : `stored ${element} = ${describeValue(got)}, but wrote ${describeValue(value)}`;
  });
  return { landed: done(stored), lines };
}

export async function playSco(input: ScoPlay): Promise<ScoPlayResult> {
  const started = Date.now();
  const deadline = started + input.timeoutMs;
  const evidence: string[] = [];
  const finish = (passed: boolean): ScoPlayResult => {
    const elapsedMs = Date.now() - started;
    evidence.push(`elapsed ${elapsedMs} ms (player opened to session stored)`);
    return { passed, evidence, elapsedMs };
  };
  const context = await input.browser.newContext();
  try {
    await installApiRecorder(context, input.cdnOrigin, API_GLOBAL_OF[input.version]);
    const page = await context.newPage();
    const lmsCalls = watchLmsCalls(page);
    const consoleErrors = watchConsoleErrors(page);
    const failWith = async (reason: string, record: ApiRecord | null): Promise<ScoPlayResult> => {
      evidence.push(`FAILED: ${reason}`);
      evidence.push(`LMS API calls from the player: ${(await lmsCalls()).join(", ") || "none"}`);
      evidence.push(`calls the SCO made through the bridge: ${describeCalls(record, "sco")}`);
      if (consoleErrors.length > 0) evidence.push(`browser console errors: ${consoleErrors.join(" | ")}`);
      return finish(false);
    };
    await input.lms.login(page, input.learner);
    const playerUrl = input.lms.playerUrl(input.activity, input.sco.id);
    evidence.push(`opened the LMS player ${playerUrl} (SCO launch ${input.sco.launch})`);
    try {
      await page.goto(playerUrl, { waitUntil: "domcontentloaded", timeout: input.timeoutMs });
    } catch (error) {
      return await failWith(`the player page did not open: ${(error as Error).message.split("\n")[0]}`, null);
    }
    const init = await waitForInitialize(page, input, deadline);
    if (!init.ok) return await failWith(init.reason, init.record);
    evidence.push(`bridge frame from the CDN: ${withoutHash(init.bridge.url())}`);
    const globals = await apiGlobalsOf(init.bridge);
    if (globals.join() !== API_GLOBAL_OF[input.version])
      return await failWith(
        `the bridge frame exposes ${globals.join(" and ") || "no API global"}; a ${input.version} SCO must find exactly ${API_GLOBAL_OF[input.version]}`,
        init.record,
      );
    evidence.push(`calls the SCO made through the bridge: ${describeCalls(init.record, "sco")}`);

    const scoFrame = init.bridge.childFrames().find((f) => originOf(f.url()) === input.cdnOrigin);
    if (!scoFrame) return await failWith("the SCO's frame is not inside the bridge frame", init.record);
    const values = driveValues(input.version);
    const outcome = await driveSession(scoFrame, input.version, values).catch(
      (error: unknown): DriveOutcome => ({
        foundAtLevel: null,
        scoTerminated: false,
        calls: [],
        exception: (error as Error).message.split("\n")[0] ?? "",
      }),
    );
    if (outcome.foundAtLevel === null) {
      return await failWith(
        `certify could not find ${API_GLOBAL_OF[input.version]} from the SCO's frame ${withoutHash(scoFrame.url())}${outcome.exception ? `: ${outcome.exception}` : ""}`,
        init.record,
      );
    }
    let expected: Record<string, string> | null = null;
    if (outcome.scoTerminated) {
      evidence.push("the SCO terminated by itself before certify could drive it: checking what it stored");
      if (init.record.terminate !== "true")
        return await failWith(
          `the SCO's Terminate answered ${JSON.stringify(init.record.terminate)}`,
          init.record,
        );
    } else {
      evidence.push(
        `certify drove ${API_GLOBAL_OF[input.version]} (found ${outcome.foundAtLevel} window(s) up from the SCO's frame): ${describeDrive(outcome)}`,
      );
      if (outcome.exception) return await failWith(`the API threw: ${outcome.exception}`, init.record);
      const refused = outcome.calls.find((c) => c.result !== "true");
      if (refused || outcome.calls.length !== 4) {
        return await failWith(
          refused
            ? `${refused.method} answered ${JSON.stringify(refused.result)} with error ${refused.error}`
            : "the scripted session did not run to its end",
          init.record,
        );
      }
      const elements = DRIVE_ELEMENTS[input.version];
      expected = { [elements.location]: values.location, [elements.suspendData]: values.suspendData };
    }
    const landed = await checkLanded(input, expected, deadline);
    evidence.push(...landed.lines);
    if (!landed.landed) {
      return await failWith(
        `the session did not land in the LMS as written within ${input.timeoutMs} ms`,
        await readApiRecord(init.bridge),
      );
    }
    evidence.push(`LMS API calls from the player: ${(await lmsCalls()).join(", ")}`);
    return finish(true);
  } catch (error) {
    evidence.push(`FAILED: ${(error as Error).message.split("\n")[0]}`);
    return finish(false);
  } finally {
    await context.close();
  }
}
