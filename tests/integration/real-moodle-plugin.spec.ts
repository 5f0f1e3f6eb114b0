// The plugin inside a real Moodle (ESB_MOODLE_DIR, installed and served at ESB_MOODLE_URL by
// moodle-stack/real/install-moodle.sh): a CDN URL activity made by mod_scorm from a manifest on a local HTTP
// "CDN", learners signed in over HTTP, then the LMS API as core/ajax calls it; what Moodle stored is read back.
// Skips, saying so, when no real Moodle is configured (CI has none).
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { ajaxCall, signIn } from "../../moodle-stack/real/moodle-web-session.ts";

const MOODLE_DIR = process.env.ESB_MOODLE_DIR;
const WWWROOT = process.env.ESB_MOODLE_URL ?? "http://127.0.0.1:8480";
const REAL_DIR = new URL("../../moodle-stack/real/", import.meta.url).pathname;
const LAUNCH = "local_externalscormbridge_launch";
const COMMIT = "local_externalscormbridge_commit";

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="esb-real" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Real Moodle check</title>
    <item identifier="i1" identifierref="r1"><title>First</title></item>
    <item identifier="i2" identifierref="r2"><title>Second</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="sco1/index.html"><file href="sco1/index.html"/></resource>
    <resource identifier="r2" type="webcontent" adlcp:scormtype="sco" href="sco2/index.html"><file href="sco2/index.html"/></resource>
  </resources>
</manifest>`;

interface Provisioned {
  courseid: number;
  cmid: number;
  scormid: number;
  scoids: number[];
  learner: { id: number; username: string; password: string };
  other: { id: number; username: string; password: string };
  lastlogid: number;
}
interface ActivityState {
  tracks: Array<{ element: string; value: string }>;
  grade: string | null;
  events: Array<{ eventname: string; userid: number; other: Record<string, unknown> | null }>;
}

const php = (script: string, ...args: string[]): Promise<unknown> =>
  promisify(execFile)(
    process.env.ESB_PHP ?? "php",
    [path.join(REAL_DIR, script), MOODLE_DIR as string, ...args],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  ).then(({ stdout }) => JSON.parse(stdout) as unknown);

/** The Moodle driver's writes (driver-ops.php): one PHP boot, one answer per operation. */
const driverOps = (operations: Array<Record<string, unknown>>): unknown[] =>
  JSON.parse(
    execFileSync(
      process.env.ESB_PHP ?? "php",
      [path.join(REAL_DIR, "driver-ops.php"), MOODLE_DIR as string],
      {
        input: JSON.stringify(operations),
        encoding: "utf8",
      },
    ),
  ) as unknown[];

test.describe("the plugin in a real Moodle", () => {
  test.skip(
    !MOODLE_DIR || !existsSync(path.join(MOODLE_DIR, "config.php")),
    "No real Moodle: set ESB_MOODLE_DIR to a Moodle codebase installed by moodle-stack/real/install-moodle.sh",
  );

  test("launch and commit over core/ajax store through scorm_insert_track, drop duplicates, and log refusals", async () => {
    test.setTimeout(300_000);
    const cdn = http.createServer((req, res) => {
      if (req.url === "/pkg/imsmanifest.xml")
        res.writeHead(200, { "Content-Type": "text/xml" }).end(MANIFEST);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
    try {
      const site = (await php("provision-cdn-activity.php", `${origin}/pkg/imsmanifest.xml`)) as Provisioned;
      expect(site.scoids.length, "mod_scorm parsed both SCOs into scorm_scoes").toBe(2);
      const learner = await signIn(WWWROOT, site.learner.username, site.learner.password);
      const launch = await ajaxCall(learner, LAUNCH, { cmid: site.cmid, scoid: site.scoids[0] });
      expect(launch.error, JSON.stringify(launch.exception)).toBe(false);
      const data = launch.data ?? {};
      expect(data).toMatchObject({
        version: "1.2",
        cdnorigin: origin,
        scourl: `${origin}/pkg/sco1/index.html`,
      });
      expect(data.seed).toContainEqual({ element: "cmi.core.entry", value: "ab-initio" });
      expect((data.toc as unknown[]).length).toBe(2);
      const launchid = String(data.launchid);

      // The player page carries the bridge (4.4+ hook, legacy callback before): its configuration and script.
      const player = await fetch(
        `${WWWROOT}/mod/scorm/player.php?a=${site.scormid}&scoid=${site.scoids[0]}&currentorg=org&mode=normal`,
        { headers: { Cookie: learner.cookie } },
      );
      const html = await player.text();
      const config = /<script type="application\/json" id="esb-config">([^<]*)<\/script>/.exec(html)?.[1];
      expect(JSON.parse(config ?? "null")).toMatchObject({ cmid: site.cmid, scoid: site.scoids[0] });
      const script = /<script src="([^"]*\/local\/externalscormbridge\/bridge-lms\.js)"/.exec(html)?.[1];
      expect((await fetch(script ?? `${WWWROOT}/missing`)).status, "bridge-lms.js is served").toBe(200);

      const first = await ajaxCall(learner, COMMIT, {
        launchid,
        ops: [
          { seq: 2, element: "cmi.core.score.raw", value: "80" },
          { seq: 1, element: "cmi.core.lesson_status", value: "incomplete" },
          { seq: 4, element: "cmi.suspend_data", value: "ahead" },
        ],
        terminate: false,
      });
      expect(first.data?.ackedseq, JSON.stringify(first.exception)).toBe(2);
      const second = await ajaxCall(learner, COMMIT, {
        launchid,
        ops: [
          { seq: 2, element: "cmi.core.score.raw", value: "80" },
          { seq: 3, element: "cmi.core.lesson_status", value: "completed" },
        ],
        terminate: true,
      });
      expect(second.data?.ackedseq, JSON.stringify(second.exception)).toBe(4);

      const other = await signIn(WWWROOT, site.other.username, site.other.password);
      const stolen = await ajaxCall(other, COMMIT, { launchid, ops: [], terminate: false });
      expect(stolen.exception?.errorcode).toBe("invalidlaunch");
      const unknownSco = await ajaxCall(other, LAUNCH, { cmid: site.cmid, scoid: 999_999_999 });
      expect(unknownSco.exception?.errorcode).toBe("invalidrecord");
      // An undeclared parameter is refused by Moodle's web-service layer before execute: still logged once.
      const extra = await ajaxCall(other, LAUNCH, { cmid: site.cmid, scoid: site.scoids[0], attempt: 2 });
      expect(extra.exception?.errorcode).toBe("invalidparameter");
      // Suspended in a course open to guests: require_login lets the learner in as a guest and the student role
      // is still assigned, so only the plugin's own enrolment check refuses (the session's enrolment cache is set
      // by the calls above).
      const [guest, suspension] = driverOps([
        { op: "guestUser", courseid: site.courseid, password: "Guest-1!" },
        { op: "suspendEnrolment", userid: site.other.id, courseid: site.courseid, suspended: true },
      ]);
      expect(guest, "guest access enabled").toHaveProperty("ok");
      expect(suspension, "enrolment suspended").toEqual({ ok: true });
      const suspended = await ajaxCall(other, LAUNCH, { cmid: site.cmid, scoid: site.scoids[0] });
      expect(suspended.exception?.errorcode, JSON.stringify(suspended)).toBe("requireloginerror");
      // The guest: sesskey.php gives the guest session its sesskey (as any page of that session has it), so the
      // guest's launch reaches the plugin, whose access rules refuse it and log the refusal.
      const guestSession = await signIn(WWWROOT, "guest", "Guest-1!");
      const key = await fetch(`${WWWROOT}/local/externalscormbridge/sesskey.php`, {
        headers: { Cookie: guestSession.cookie },
      });
      expect(key.status, "sesskey.php answers the guest").toBe(200);
      expect(((await key.json()) as { sesskey?: string }).sesskey).toBe(guestSession.sesskey);
      const guestLaunch = await ajaxCall(guestSession, LAUNCH, { cmid: site.cmid, scoid: site.scoids[0] });
      expect(guestLaunch.exception?.errorcode, JSON.stringify(guestLaunch)).toBe("noguest");

      const state = (await php(
        "read-activity-state.php",
        String(site.scormid),
        String(site.learner.id),
        String(site.lastlogid),
      )) as ActivityState;
      const stored = new Map(state.tracks.map((t) => [t.element, t.value]));
      expect(stored.get("cmi.core.lesson_status")).toBe("completed");
      expect(stored.get("cmi.core.score.raw")).toBe("80");
      expect(stored.get("cmi.suspend_data")).toBe("ahead");
      expect(stored.get("cmi.core.total_time")).toBe("00:00:00.00");
      expect(Number(state.grade)).toBe(80);
      const refusals = state.events.filter(
        (e) => e.eventname === "\\local_externalscormbridge\\event\\request_refused",
      );
      expect(refusals.map((e) => e.other?.errorcode).sort()).toEqual([
        "invalidlaunch",
        "invalidparameter",
        "invalidrecord",
        "noguest",
        "requireloginerror",
      ]);
      expect(state.events.some((e) => e.eventname === "\\mod_scorm\\event\\scoreraw_submitted")).toBe(true);
    } finally {
      cdn.close();
    }
  });
});
