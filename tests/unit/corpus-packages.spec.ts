// The third-party corpus: every Golf package and the open course parse with the right version and SCO count and
// validate; every invalid package and broken zip is refused for the reason recorded in corpus-packages.json.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CORPUS_SCORM_DIR, corpusAbsentNotice } from "../../harness/packages/corpus-location.ts";
import { parseManifest } from "../../harness/packages/manifest.ts";
import { referenceIssues } from "../../harness/packages/manifest-checks.ts";
import { ingestPackageZip } from "../../harness/packages/package-ingestion.ts";
import { validatePackage } from "../../harness/packages/package-validation.ts";
import facts from "../corpus/corpus-packages.json" with { type: "json" };

const notice = corpusAbsentNotice();
test.skip(notice !== null, notice ?? "");

test("every Golf package and the open course parse with their version and SCO count, and validate", async () => {
  for (const [name, expected] of Object.entries(facts.playable)) {
    const dir = path.join(CORPUS_SCORM_DIR, name);
    const m = parseManifest(readFileSync(path.join(dir, "imsmanifest.xml"), "utf8"));
    expect({ version: m.version, edition: m.edition }, name).toEqual({
      version: expected.version,
      edition: expected.edition,
    });
    expect(m.items.filter((i) => i.scormtype === "sco").length, name).toBe(expected.scos);
    expect(m.items.filter((i) => i.launch !== "").length, name).toBe(expected.launchable);
    const validation = await validatePackage(dir);
    expect(validation.errors, name).toEqual([]);
  }
});

test("every invalid corpus package is refused for its recorded reason", async () => {
  for (const [name, expected] of Object.entries(facts.invalid)) {
    const result = await validatePackage(path.join(CORPUS_SCORM_DIR, "invalid", name));
    expect(result.ok, name).toBe(false);
    expect(result.errors[0]?.code, `${name}: ${result.errors[0]?.message}`).toBe(expected.reason);
    if ("alsoDetects" in expected) {
      expect(referenceIssues(result.manifest!).map((i) => i.code)).toContain(expected.alsoDetects);
    }
    if ("version" in expected) expect(result.manifest?.version?.version, name).toBe(expected.version);
  }
});

test("the corpus zips: Golf zips ingest and parse, Moodle's broken zips are refused for their reason", async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), "esb-corpus-zip-"));
  try {
    for (const [name, expected] of Object.entries(facts.zips)) {
      const result = await ingestPackageZip(path.join(CORPUS_SCORM_DIR, "zips", name), path.join(work, name));
      if ("reason" in expected) {
        expect(result.errors[0]?.code, name).toBe(expected.reason);
      } else {
        expect(result.errors, name).toEqual([]);
        const m = parseManifest(readFileSync(path.join(work, name, "imsmanifest.xml"), "utf8"));
        expect(
          { version: m.version, scos: m.items.filter((i) => i.scormtype === "sco").length },
          name,
        ).toEqual(expected);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
