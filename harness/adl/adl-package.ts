// Turns an ADL test package manifest into one the probe SCO can play: every resource launches the probe page
// (ADL's own SCO pages needed a Java applet); items, parameters and the seeding data (dataFromLMS, completion
// thresholds, objectives, shared data maps) stay as ADL wrote them.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AdlTestCase } from "./adl-script.ts";

export function probeManifest(manifestXml: string): string {
  return manifestXml.replace(/<resource\b[^>]*>/g, (tag) =>
    tag.replace(/\s+xml:base="[^"]*"/, "").replace(/\bhref="[^"]*"/, 'href="sco.html"'),
  );
}

/** ADL activity `Act2b` of test case DDM lives in package LMSTestPackage_DDMb as item `activity_2`. */
export function adlPackageOf(testCase: AdlTestCase, activity: string): { pkg: string; item: string } {
  const m = /^Act(\d+)([a-z]?)$/.exec(activity);
  if (!m) throw new Error(`Unexpected ADL activity ${activity}`);
  return { pkg: `LMSTestPackage_${testCase}${m[2]}`, item: `activity_${m[1]}` };
}

export function readAdlManifest(corpusDir: string, pkg: string): string {
  return readFileSync(path.join(corpusDir, "packages", pkg, "imsmanifest.xml"), "utf8");
}
