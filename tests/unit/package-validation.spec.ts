// Package validation: generated valid packages pass (extra files only warn), and each package broken in exactly
// one way is refused for that reason, at the step ADL's order puts it, with a specific message.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { BREAKAGES, brokenPackageArbitrary } from "../../conformance/generators/broken-package-arbitrary.ts";
import {
  packageArbitrary,
  renderPackage,
  writePackageFolder,
} from "../../conformance/generators/package-arbitrary.ts";
import { parseManifest } from "../../harness/packages/manifest.ts";
import { ingestPackageZip } from "../../harness/packages/package-ingestion.ts";
import { VALIDATION_STEPS } from "../../harness/packages/package-issue.ts";
import { validatePackage } from "../../harness/packages/package-validation.ts";
import { rawZip } from "../support/raw-zip.ts";

let work: string;
let runs = 0;
test.beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "esb-validate-"));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});
const freshDir = () => path.join(work, `p${++runs}`);

test("generated valid packages validate, parse with their SCO count, and only undeclared files warn", async () => {
  await fc.assert(
    fc.asyncProperty(packageArbitrary(), async (pkg) => {
      const dir = freshDir();
      await writePackageFolder(dir, pkg);
      const result = await validatePackage(dir);
      expect(result.errors).toEqual([]);
      expect(result.warnings.map((w) => w.code)).toEqual(
        "notes/readme.txt" in pkg.files ? ["undeclared-files"] : [],
      );
      const parsed = parseManifest(renderPackage(pkg)["imsmanifest.xml"]!);
      expect(parsed.version).toBe(pkg.spec.version);
      expect(parsed.items.filter((i) => i.scormtype === "sco")).toHaveLength(pkg.scoCount);
    }),
    { numRuns: 40 },
  );
});

for (const breakage of BREAKAGES) {
  test(`a package broken one way is refused for that reason: ${breakage}`, async () => {
    await fc.assert(
      fc.asyncProperty(brokenPackageArbitrary([breakage]), async ({ pkg, expectedCode, breakage: made }) => {
        expect(made).toBe(breakage);
        const dir = freshDir();
        await writePackageFolder(dir, pkg);
        const result = await validatePackage(dir);
        expect(result.ok).toBe(false);
        expect(result.errors[0]?.code).toBe(expectedCode);
        expect(new Set(result.errors.map((e) => e.step)).size, "errors come from one step").toBe(1);
        expect(result.errors[0]?.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 6 },
    );
  });
}

test("with two defects only the earlier step in ADL's order is reported", async () => {
  const [pkg] = fc.sample(packageArbitrary(), { numRuns: 1, seed: 7 });
  delete pkg!.files["common/api.js"]; // required-files
  pkg!.spec.defaultOrganization = "NOWHERE"; // identifier-references, a later step
  const dir = freshDir();
  await writePackageFolder(dir, pkg!);
  const result = await validatePackage(dir);
  expect(result.errors.map((e) => e.code)).toEqual(["missing-file"]);
  expect(VALIDATION_STEPS.indexOf("required-files")).toBeLessThan(
    VALIDATION_STEPS.indexOf("identifier-references"),
  );
  expect(result.errors[0]?.message).toBe(
    'Resource "RES-COMMON" declares the file "common/api.js", which is not in the package.',
  );
});

test("a zipped package is extracted and validated; a hostile zip is refused at the archive step", async () => {
  const [pkg] = fc.sample(packageArbitrary(), { numRuns: 1, seed: 3 });
  const files = renderPackage(pkg!);
  const good = path.join(work, "good.zip");
  await writeFile(good, rawZip(Object.entries(files).map(([name, data]) => ({ name, data }))));
  const ingested = await ingestPackageZip(good, freshDir());
  expect(ingested.errors).toEqual([]);
  expect(ingested.files.sort()).toEqual(Object.keys(files).sort());

  const hostile = path.join(work, "hostile.zip");
  await writeFile(
    hostile,
    rawZip([...Object.entries(files).map(([name, data]) => ({ name, data })), { name: "../x", data: "x" }]),
  );
  const refused = await ingestPackageZip(hostile, freshDir());
  expect(refused.errors).toMatchObject([{ step: "archive", code: "zip-slip" }]);
});
