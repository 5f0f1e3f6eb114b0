// The packages this project writes: each builds, ingests from its zip without an error or warning, parses with
// its version, SCO count and manifest data; the media package is over 20 MB; building twice gives the same bytes.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { listPackagesUnderTest } from "../../harness/packages/package-build/assemble-package.ts";
import { buildPackages, type BuiltPackage } from "../../harness/packages/package-build/build-packages.ts";
import { parseManifest, type ParsedManifest } from "../../harness/packages/manifest.ts";
import { ingestPackageZip } from "../../harness/packages/package-ingestion.ts";

interface Expected {
  version: "1.2" | "2004";
  edition: 2 | 3 | 4 | null;
  scos: number;
  launchable: number;
  check?: (m: ParsedManifest) => void;
}

const controlMode = (m: ParsedManifest) => m.model.organizations[0]?.sequencing?.controlMode;

const EXPECTED: Record<string, Expected> = {
  "probe-scorm12": { version: "1.2", edition: null, scos: 1, launchable: 1 },
  "probe-scorm2004-4th": { version: "2004", edition: 4, scos: 1, launchable: 1 },
  "probe-scorm2004-multi": { version: "2004", edition: 4, scos: 3, launchable: 3 },
  "scorm12-single": {
    version: "1.2",
    edition: null,
    scos: 1,
    launchable: 1,
    check: (m) =>
      expect(m.items[0]).toMatchObject({
        launch: "sco/sco.html?lesson=1",
        data: { masteryscore: "80", maxtimeallowed: "00:30:00", timelimitaction: "continue,message" },
      }),
  },
  "scorm12-multi": { version: "1.2", edition: null, scos: 3, launchable: 3 },
  "scorm2004-3rd-single": {
    version: "2004",
    edition: 3,
    scos: 1,
    launchable: 1,
    check: (m) => expect(m.items[0]?.data.threshold).toBe("0.8"),
  },
  "scorm2004-3rd-multi": { version: "2004", edition: 3, scos: 3, launchable: 3 },
  "scorm2004-4th-single": {
    version: "2004",
    edition: 4,
    scos: 1,
    launchable: 1,
    check: (m) => {
      expect(m.items[0]?.data).toEqual({
        threshold: "0.75",
        datafromlms: "edition=4",
        timelimitaction: "exit,message",
        maxtimeallowed: "PT45M",
      });
      expect(m.items[0]?.objectives.map((o) => o.id)).toEqual(["mastery", "chapter-1", "chapter-2"]);
    },
  },
  "limits-interactions-objectives": { version: "2004", edition: 4, scos: 1, launchable: 1 },
  "limits-suspend-data-2004": { version: "2004", edition: 4, scos: 1, launchable: 1 },
  "limits-suspend-data-12": { version: "1.2", edition: null, scos: 1, launchable: 1 },
  "media-heavy": { version: "2004", edition: 4, scos: 1, launchable: 1 },
  "asset-only": { version: "1.2", edition: null, scos: 0, launchable: 3 },
  "sequencing-forward-only": {
    version: "2004",
    edition: 4,
    scos: 3,
    launchable: 3,
    check: (m) =>
      expect(controlMode(m)).toEqual({ choice: false, choiceExit: false, flow: true, forwardOnly: true }),
  },
  "sequencing-choice": {
    version: "2004",
    edition: 4,
    scos: 3,
    launchable: 3,
    check: (m) =>
      expect(controlMode(m)).toEqual({ choice: true, choiceExit: true, flow: false, forwardOnly: false }),
  },
};

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

let work: string;
let built: BuiltPackage[];
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = await mkdtemp(path.join(os.tmpdir(), "esb-put-"));
  built = await buildPackages(path.join(work, "first"));
});
test.afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test("at least ten packages, each one known here", async () => {
  const names = await listPackagesUnderTest();
  expect(names.length).toBeGreaterThanOrEqual(10);
  expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
});

test("every package ingests from its zip cleanly and parses as expected", async () => {
  for (const pkg of built) {
    const expected = EXPECTED[pkg.name]!;
    const ingested = await ingestPackageZip(pkg.zip, path.join(work, "ingested", pkg.name));
    expect([...ingested.errors, ...ingested.warnings], pkg.name).toEqual([]);
    const m = parseManifest(await readFile(path.join(ingested.dir, "imsmanifest.xml"), "utf8"));
    expect({ version: m.version, edition: m.edition }, pkg.name).toEqual({
      version: expected.version,
      edition: expected.edition,
    });
    expect(m.items.filter((i) => i.scormtype === "sco").length, pkg.name).toBe(expected.scos);
    expect(m.items.filter((i) => i.launch).length, pkg.name).toBe(expected.launchable);
    expected.check?.(m);
    expect(ingested.files, "build.json stays out of the package").not.toContain("build.json");
  }
});

test("the media-heavy package is over 20 MB and its media is generated, not committed", async () => {
  const media = built.find((p) => p.name === "media-heavy")!;
  expect((await stat(media.zip)).size).toBeGreaterThan(20_000_000);
  expect(media.files).toContain("media/video.bin");
  await expect(stat(path.join("packages-under-test", "media-heavy", "media"))).rejects.toThrow();
});

test("building twice gives byte-identical zips", async () => {
  test.setTimeout(120_000);
  const second = await buildPackages(path.join(work, "second"));
  for (const [i, pkg] of built.entries()) {
    expect(await sha256(second[i]!.zip), pkg.name).toBe(await sha256(pkg.zip));
  }
});
