// The harness web app end to end in a real Chromium: its guards refuse cross-site use, a run of a mutant and a
// run of the reference bridge stream their progress over the WebSocket, the evidence of the caught property
// shows its counterexample and replay command, screenshots, postMessage log, stored rows and trace, the matrix
// compares both bridges, the certificate downloads.
// Set ESB_README_SCREENSHOT=1 to refresh docs/images/harness-ui.png and harness-matrix.png (the README's screenshots).
import { request as httpRequest } from "node:http";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { chromium, type Browser } from "playwright";
import WebSocket from "ws";
import { baseChromiumArgs, chooseChromium } from "../../harness/browser/chromium.ts";
import { PROJECT_ROOT } from "../../harness/packages/package-files.ts";
import { PROPERTIES } from "../../harness/properties/registry.ts";
import { implementedPropertyIds } from "../../harness/reporting/results-file.ts";
import { containersStackProblem } from "../../harness/stack/containers-availability.ts";
import { startHarnessServer, type HarnessServer } from "../../harness/ui/harness-server.ts";

test.describe.configure({ mode: "serial" });

// A mutant a browser property catches on its third example, so its evidence has pages, messages and rows.
const MUTANT = "mutant:truncate-suspend-data";
const CAUGHT = "P06";
let server: HarnessServer;
let browser: Browser;
let page: Page;
let reports: string;

function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function snapshot(testInfo: TestInfo, name: string): Promise<Buffer> {
  const png = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body: png, contentType: "image/png" });
  return png;
}

async function runFromForm(bridge: string, selector: string): Promise<void> {
  await page.selectOption("#bridge", bridge);
  await page.fill("#selector", selector);
  await page.fill("#runs", "3");
  await page.click("#run");
  await expect(page.locator("#run-status")).toContainText("is running", { timeout: 10_000 });
  // A generous bound: a run of a browser property takes minutes on a loaded 2-core machine.
  await expect(page.locator("#run-status")).toContainText("finished", { timeout: 540_000 });
}

test.beforeAll(async () => {
  reports = await mkdtemp(path.join(os.tmpdir(), "esb-harness-ui-"));
  await mkdir(path.join(reports, "certify"));
  await writeFile(path.join(reports, "certify", "cdn-certificate.html"), "<p>certificate</p>");
  server = await startHarnessServer({ reportsDir: reports });
  browser = await chromium.launch({
    executablePath: chooseChromium().executablePath,
    args: baseChromiumArgs(),
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(reports, { recursive: true, force: true });
});

test("the server binds 127.0.0.1 and refuses cross-site runs, foreign Hosts and foreign WebSockets", async () => {
  const url = new URL("/api/runs", server.url).href;
  const body = JSON.stringify({ properties: "P16" });
  const json = { "content-type": "application/json" };
  expect(new URL(server.url).hostname).toBe("127.0.0.1");
  const origin = new URL(server.url).origin;
  expect(
    (await post(url, { ...json, origin: "https://evil.test", "x-harness-token": server.token }, body)).status,
  ).toBe(403);
  expect((await post(url, { ...json, origin }, body)).status).toBe(403);
  expect((await post(url, { ...json, origin, "x-harness-token": "0".repeat(48) }, body)).status).toBe(403);
  const rebound = await post(
    url,
    { ...json, origin, host: "evil.test", "x-harness-token": server.token },
    body,
  );
  expect(rebound.status).toBe(421);
  const bad = await post(
    url,
    { ...json, origin, "x-harness-token": server.token },
    JSON.stringify({ bridge: "nope" }),
  );
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('Unknown bridge \\"nope\\"');
  const wsUrl = `${server.url.replace("http", "ws")}ws?token=${server.token}`;
  const refused = await new Promise<string>((resolve) => {
    const ws = new WebSocket(wsUrl, { origin: "https://evil.test" });
    ws.on("open", () => resolve("open"));
    ws.on("error", (e) => resolve(e.message));
  });
  expect(refused).toMatch(/403/);
});

test("a mutant run: live progress, then the caught property's counterexample and replay command", async () => {
  test.setTimeout(600_000);
  const testInfo = test.info();
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-connected", "true");
  await expect(page.locator("#properties label")).toHaveCount(27);
  // The containers stack can be picked exactly when the CLI would run it.
  const containers = page.locator("#stack option[value=containers]");
  if (containersStackProblem()) await expect(containers).toBeDisabled();
  else await expect(containers).toBeEnabled();
  await snapshot(testInfo, "harness-form.png");

  // A property nobody has implemented yet (if one is left) shows as such without running anything.
  const unimplemented = PROPERTIES.map((p) => p.id).find((id) => !implementedPropertyIds().has(id));
  await runFromForm(MUTANT, [CAUGHT, ...(unimplemented ? [unimplemented] : [])].join(","));
  // The log and the progress rows only come through the WebSocket.
  await expect(page.locator("#log")).toContainText(`progress: ${CAUGHT} running`);
  if (unimplemented)
    await expect(page.locator(`#progress tr[data-id="${unimplemented}"] .state`)).toHaveText(
      "not-implemented",
    );
  await expect(page.locator(`#progress tr[data-id="${CAUGHT}"] .state`)).toHaveText("failed");
  await expect(page.locator("#run-status")).toContainText("exit 1 (a property failed)");

  await page.locator(`#progress tr[data-id="${CAUGHT}"] button`).click();
  const evidence = page.locator("#evidence");
  await expect(evidence.locator(".replay")).toContainText(`--properties ${CAUGHT} --bridge ${MUTANT} --seed`);
  await expect(evidence.locator(".message")).toContainText("counterexample:");
  const attachment = (name: string) => evidence.locator(`pre[data-attachment="${name}"]`);
  await expect(attachment("counterexample.json")).toContainText('"evidenceReplay": "failed again"');
  // The messages between the LMS page and the bridge frame, the nonce never shown.
  await expect(attachment("postmessage-log.json")).toContainText('"direction": "lms → cdn"');
  await expect(attachment("postmessage-log.json")).toContainText('"type": "hello"');
  await expect(attachment("postmessage-log.json")).toContainText("[redacted, ");
  await expect(attachment("stored-rows.json")).toContainText('"element": "cmi.suspend_data"');
  await expect(attachment("lms-requests.json")).toContainText("service.php");
  // Screenshots as images, loaded; the trace as a download with the command that opens it.
  const shot = evidence.locator('img[alt="screenshot-1.png"]');
  await expect(shot).toBeVisible();
  expect(await shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(evidence.locator(".trace-command").first()).toContainText(
    "pnpm exec playwright show-trace '/",
  );
  await expect(evidence.locator("a", { hasText: /^trace$/ })).toHaveAttribute("download", "");
  await testInfo.attach("harness-evidence-panel.png", {
    body: await evidence.screenshot(),
    contentType: "image/png",
  });
  await snapshot(testInfo, "harness-evidence.png");
});

test("a reference run fills the property x bridge matrix; the certificate downloads", async () => {
  test.setTimeout(600_000);
  const testInfo = test.info();
  await runFromForm("reference", CAUGHT);
  await expect(page.locator(`#progress tr[data-id="${CAUGHT}"] .state`)).toHaveText("passed");
  const matrix = page.locator("#matrix");
  await expect(matrix.locator("thead th")).toHaveText(["id", "property", "reference", MUTANT]);
  const caught = matrix.locator("tbody tr").filter({ has: page.locator("th", { hasText: CAUGHT }) });
  await expect(caught.locator("td")).toHaveText(["Suspend data round trip", "passed", "failed"]);
  const runList = page.locator("#run-list li");
  await expect(runList).toHaveCount(2);
  await expect(runList.first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#certificate")]);
  expect(download.suggestedFilename()).toBe("cdn-certificate.html");

  await page.locator(`#progress tr[data-id="${CAUGHT}"] button`).click();
  await expect(page.locator("#evidence")).toContainText(`${CAUGHT} Suspend data round trip: passed`);
  // A passing property leaves no failure evidence.
  await expect(page.locator("#evidence")).not.toContainText("postmessage-log.json");
  const png = await snapshot(testInfo, "harness-matrix.png");
  if (process.env.ESB_README_SCREENSHOT === "1") {
    await page.locator("#setup").scrollIntoViewIfNeeded();
    const readme = await page.screenshot({ type: "png" });
    await writeFile(path.join(PROJECT_ROOT, "docs", "images", "harness-ui.png"), readme);
    const matrixSection = page.locator("section", { has: page.locator("#matrix") });
    await writeFile(
      path.join(PROJECT_ROOT, "docs", "images", "harness-matrix.png"),
      await matrixSection.screenshot({ type: "png" }),
    );
  }
  expect(png.length).toBeGreaterThan(1000);
});
