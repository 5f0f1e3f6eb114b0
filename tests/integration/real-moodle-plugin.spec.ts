// The plugin inside a real Moodle (ESB_MOODLE_DIR, installed by moodle-stack/real/install-moodle.sh): a CDN URL
// activity made by mod_scorm from a manifest on a local HTTP "CDN", then the LMS API as core/ajax calls it.
// Skips, saying so, when no real Moodle is configured (CI has none).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

const MOODLE_DIR = process.env.ESB_MOODLE_DIR;
const EXERCISE = new URL("../../moodle-stack/real/lms-api-exercise.php", import.meta.url).pathname;

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

interface Answer {
  error: boolean;
  errorcode?: string;
  data?: Record<string, unknown>;
}
interface Exercise {
  scoes: number;
  launch: Answer;
  commits: Answer[];
  stolen: Answer;
  unknownsco: Answer;
  tracks: Array<{ element: string; value: string }>;
  grade: string | null;
  events: Array<{ eventname: string; userid: number; other: Record<string, unknown> | null }>;
}

test.describe("the plugin in a real Moodle", () => {
  test.skip(
    !MOODLE_DIR || !existsSync(path.join(MOODLE_DIR, "config.php")),
    "No real Moodle: set ESB_MOODLE_DIR to a Moodle codebase installed by moodle-stack/real/install-moodle.sh",
  );

  test("launch and commit store through scorm_insert_track, drop duplicates, and refuse with logged events", async () => {
    const cdn = http.createServer((req, res) => {
      if (req.url === "/pkg/imsmanifest.xml")
        res.writeHead(200, { "Content-Type": "text/xml" }).end(MANIFEST);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
    try {
      const { stdout } = await promisify(execFile)(
        process.env.ESB_PHP ?? "php",
        [EXERCISE, MOODLE_DIR as string, `${origin}/pkg/imsmanifest.xml`],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      const run = JSON.parse(stdout) as Exercise;
      expect(run.scoes, "mod_scorm parsed both SCOs into scorm_scoes").toBe(2);
      expect(run.launch.error, JSON.stringify(run.launch)).toBe(false);
      const launch = run.launch.data ?? {};
      expect(launch).toMatchObject({
        version: "1.2",
        cdnorigin: origin,
        scourl: `${origin}/pkg/sco1/index.html`,
      });
      expect(launch.seed).toContainEqual({ element: "cmi.core.entry", value: "ab-initio" });
      expect((launch.toc as unknown[]).length).toBe(2);

      const [first, second] = run.commits;
      expect(first?.data?.ackedseq, JSON.stringify(first)).toBe(2);
      expect(second?.data?.ackedseq, JSON.stringify(second)).toBe(4);
      const stored = new Map(run.tracks.map((t) => [t.element, t.value]));
      expect(stored.get("cmi.core.lesson_status")).toBe("completed");
      expect(stored.get("cmi.core.score.raw")).toBe("80");
      expect(stored.get("cmi.suspend_data")).toBe("ahead");
      expect(stored.get("cmi.core.total_time")).toBe("00:00:00.00");
      expect(Number(run.grade)).toBe(80);

      expect(run.stolen).toMatchObject({ error: true, errorcode: "invalidlaunch" });
      expect(run.unknownsco).toMatchObject({ error: true, errorcode: "invalidrecord" });
      const refusals = run.events.filter(
        (e) => e.eventname === "\\local_externalscormbridge\\event\\request_refused",
      );
      expect(refusals.map((e) => e.other?.errorcode).sort()).toEqual(["invalidlaunch", "invalidrecord"]);
      expect(run.events.some((e) => e.eventname === "\\mod_scorm\\event\\scoreraw_submitted")).toBe(true);
    } finally {
      cdn.close();
    }
  });
});
