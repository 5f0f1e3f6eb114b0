import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ManifestError, parseManifest } from "../../harness/packages/manifest.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { versionFromNamespaces, versionFromSchemaVersion } from "../../harness/packages/scorm-version.ts";
import {
  buildProbeManifest,
  SCHEMAVERSION_SPELLINGS,
} from "../../conformance/generators/manifest-arbitrary.ts";

const ids = {
  manifestId: "M",
  orgId: "O",
  itemId: "I",
  resId: "R",
  orgTitle: "Org & <co>",
  itemTitle: "Item",
};

test("schemaversion spellings map to their version and edition", () => {
  expect(versionFromSchemaVersion("1.2")).toMatchObject({ version: "1.2" });
  expect(versionFromSchemaVersion("CAM 1.3")).toMatchObject({ version: "2004", edition: 2 });
  expect(versionFromSchemaVersion("2004 3rd Edition")).toMatchObject({ version: "2004", edition: 3 });
  expect(versionFromSchemaVersion("SCORM 2004 4th edition")).toMatchObject({ version: "2004", edition: 4 });
  expect(versionFromSchemaVersion("2004")).toMatchObject({ version: "2004", edition: null });
  expect(versionFromSchemaVersion("1.1")).toBeNull();
  expect(versionFromSchemaVersion("20045")).toBeNull();
  for (const [version, spellings] of Object.entries(SCHEMAVERSION_SPELLINGS)) {
    for (const s of spellings) expect(versionFromSchemaVersion(s)?.version, s).toBe(version);
  }
});

test("namespaces decide the version when schemaversion is missing", () => {
  expect(versionFromNamespaces(["http://www.adlnet.org/xsd/adlcp_rootv1p2"])?.version).toBe("1.2");
  expect(versionFromNamespaces(["http://www.adlnet.org/xsd/adlcp_v1p3"])?.version).toBe("2004");
  expect(versionFromNamespaces(["http://example.com/other"])).toBeNull();
  expect(parseManifest(buildProbeManifest("1.2", null, ids)).version).toBe("1.2");
  expect(parseManifest(buildProbeManifest("2004", null, ids)).version).toBe("2004");
});

test("the project's probe packages parse with one SCO each", () => {
  for (const [dir, version] of [
    ["probe-scorm12", "1.2"],
    ["probe-scorm2004-4th", "2004"],
  ] as const) {
    const m = parseManifest(readFileSync(path.join(PACKAGES_DIR, dir, "imsmanifest.xml"), "utf8"));
    expect(m.version).toBe(version);
    expect(m.items.filter((i) => i.scormtype === "sco").map((i) => i.launch)).toEqual(["sco.html"]);
  }
});

test("launch URLs keep xml:base and item parameters", () => {
  const xml = buildProbeManifest("2004", "2004 4th Edition", ids)
    .replace("<resources>", '<resources xml:base="content/">')
    .replace('identifierref="R"', 'identifierref="R" parameters="?page=2"');
  expect(parseManifest(xml).items[0]?.launch).toBe("content/sco.html?page=2");
});

test("hostile or broken manifests are refused with a specific reason", () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><manifest>&b;</manifest>`;
  expect(() => parseManifest(bomb)).toThrow(/entities/);
  expect(() => parseManifest("<manifest><organizations>")).toThrow(ManifestError);
  expect(() => parseManifest("<notamanifest/>")).toThrow(/not <manifest>/);
  expect(() =>
    parseManifest(buildProbeManifest("1.2", "1.2", ids).replace('identifierref="R"', 'identifierref="NOPE"')),
  ).toThrow(/missing resource "NOPE"/);
  expect(() => parseManifest(buildProbeManifest("1.2", "9.9", ids))).toThrow(
    /Unsupported schemaversion "9.9"/,
  );
});
