import net from "node:net";
import { stat } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { baseChromiumArgs, chooseChromium } from "../../harness/browser/chromium.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { startEmbeddedStack } from "../../harness/stack/embedded-stack.ts";
import { createTestHostFetch } from "../../harness/stack/test-host-fetch.ts";

test("the three sites are distinct HTTPS origins that Node trusts only through the run CA", async ({
  stack,
}) => {
  const hosts = Object.values(stack.origins).map((o) => new URL(o).hostname);
  expect(hosts).toEqual(["lms.test", "cdn.test", "evil.test"]);
  for (const origin of Object.values(stack.origins)) {
    expect((await stack.fetch(`${origin}/`)).status).toBeLessThan(500);
  }
  const withoutCa = createTestHostFetch("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
  await expect(withoutCa(`${stack.origins.lms}/`)).rejects.toThrow();
});

test("Chromium trusts the sites by SPKI pin, and refuses them without it", async ({ stack, browser }) => {
  const page = await browser.newPage();
  for (const origin of Object.values(stack.origins)) {
    const response = await page.goto(`${origin}/`);
    expect(response?.ok() || response?.status() === 404, origin).toBe(true);
  }
  await page.close();
  const unpinned = await chromium.launch({
    executablePath: chooseChromium().executablePath,
    args: [
      ...baseChromiumArgs(),
      ...stack.browserArgs().filter((a) => !a.startsWith("--ignore-certificate-errors-spki-list")),
    ],
  });
  try {
    const p = await unpinned.newPage();
    await expect(p.goto(`${stack.origins.lms}/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
  } finally {
    await unpinned.close();
  }
});

test("login goes through the form, and the LMS API insists on the session and its sesskey", async ({
  stack,
  browser,
  lms,
}) => {
  const user = await lms.createUser();
  const page = await browser.newPage();
  await page.goto(`${stack.origins.lms}/login/index.php`);
  await page.fill("#username", user.username);
  await page.fill("#password", "wrong password");
  await page.click("#loginbtn");
  await expect(page.getByRole("alert")).toHaveText("Invalid login, please try again");
  await page.fill("#username", user.username);
  await page.fill("#password", user.password);
  await page.click("#loginbtn");
  await expect(page.locator("h1")).toHaveText("Dashboard");
  const cookies = await page.context().cookies(stack.origins.lms);
  expect(cookies.find((c) => c.name === "MoodleSession")).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
  });

  const call = (sesskey: string) =>
    page.evaluate(async (key) => {
      const r = await fetch(`/lib/ajax/service.php?sesskey=${key}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "[]",
      });
      return r.json();
    }, sesskey);
  expect(await call("not-the-sesskey")).toMatchObject({ errorcode: "invalidsesskey" });
  await page.context().clearCookies();
  expect(await call("anything")).toMatchObject({ errorcode: "servicerequireslogin" });
  await page.close();
});

test("the bridge frame answers only a hello that carries its nonce, and only the LMS may frame it", async ({
  stack,
  browser,
}) => {
  const page = await browser.newPage();
  await page.goto(`${stack.origins.lms}/`);
  const answered = (postedNonce: string) =>
    page.evaluate(
      async ({ cdn, lms, posted }) => {
        const frameNonce = "frame-nonce-0123456789abcdef";
        const iframe = document.createElement("iframe");
        iframe.src = `${cdn}/bridge/frame.html#nonce=${frameNonce}&lms=${encodeURIComponent(lms)}`;
        await new Promise((r) => {
          iframe.onload = r;
          document.body.appendChild(iframe);
        });
        const channel = new MessageChannel();
        const reply = new Promise<unknown>((resolve) => {
          channel.port1.onmessage = (e) => resolve(e.data);
          setTimeout(() => resolve(null), 1500);
        });
        const nonce = posted === "right" ? frameNonce : "another-nonce-0123456789abcd";
        iframe.contentWindow?.postMessage({ protocol: "esb", v: 1, type: "hello", nonce }, cdn, [
          channel.port2,
        ]);
        const data = await reply;
        iframe.remove();
        return data;
      },
      { cdn: stack.origins.cdn, lms: stack.origins.lms, posted: postedNonce },
    );
  expect(await answered("wrong")).toBeNull();
  expect(await answered("right")).toEqual({ type: "ready", nonce: "frame-nonce-0123456789abcdef" });

  await page.goto(`${stack.origins.evil}/`);
  await page.evaluate(async (cdn) => {
    const iframe = document.createElement("iframe");
    iframe.src = `${cdn}/bridge/frame.html`;
    document.body.appendChild(iframe);
    await new Promise((r) => setTimeout(r, 1000));
  }, stack.origins.cdn);
  const frameUrls = page.frames().map((f) => f.url());
  expect(
    frameUrls.some((u) => u.startsWith(`${stack.origins.cdn}/bridge/frame.html`) && u !== "about:blank"),
    `frames: ${frameUrls}`,
  ).toBe(false);
  await page.close();
});

test("the CDN logs method, URL, status and bytes of what a launch fetched", async ({
  stack,
  browser,
  lms,
}) => {
  const course = await lms.createCourse("Log course");
  const user = await lms.createUser();
  await lms.enrol(user, course);
  const activity = (await createProbeActivities(stack, lms, course, "log-check"))["1.2"];
  const logStart = stack.cdnLog.entries.length;
  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, user);
  await session.close();
  const sco = stack.cdnLog.entries.find((e) => e.url === "/packages/log-check-probe-scorm12/sco.html");
  const size = (await stat(path.join(stack.storageDir, "log-check-probe-scorm12", "sco.html"))).size;
  expect(sco).toMatchObject({ method: "GET", status: 200, bytes: size });
  const served = (url: string) =>
    stack.cdnLog.entries.slice(logStart).filter((e) => e.url === url && e.status === 200);
  expect(served("/bridge/frame.js")).toHaveLength(1);
  expect(served("/bridge/runtime-12.js")[0]?.bytes, "the 1.2 runtime is loaded").toBeGreaterThan(10_000);
  expect(served("/bridge/runtime-2004.js"), "the 2004 runtime is not loaded for a 1.2 package").toEqual([]);
});

test("closing a stack frees its ports and its storage", async () => {
  const stack = await startEmbeddedStack({ bridgeDir: "/nonexistent" });
  const ports = Object.values(stack.origins).map((o) => Number(new URL(o).port));
  await stack.close();
  for (const port of ports) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", () => resolve(true));
    });
    expect(refused, `port ${port} closed`).toBe(true);
  }
  await expect(stat(stack.storageDir)).rejects.toThrow();
});

test("a launch from a CDN off the whitelist is refused and the learner is told why", async ({
  stack,
  browser,
  lms,
}) => {
  const course = await lms.createCourse("Whitelist course");
  const user = await lms.createUser();
  await lms.enrol(user, course);
  const activity = (await createProbeActivities(stack, lms, course, "whitelist"))["2004"];
  stack.twin.setBridgeConfig({ cdnWhitelist: ["cdn.example.org", "*.cdn.test"] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await lms.login(page, user);
    await page.goto(lms.playerUrl(activity, activity.scoes[0]!.id));
    await expect(page.locator("#esb-message")).toContainText("not on this site's CDN whitelist");
    expect(page.frames().some((f) => f.url().startsWith(stack.origins.cdn))).toBe(false);
    stack.twin.setBridgeConfig({ cdnWhitelist: ["*.example.org", "cdn.test"] });
    await page.reload();
    await waitForProbe(page, stack.origins.cdn);
    await context.close();
  } finally {
    stack.twin.setBridgeConfig({});
  }
});
