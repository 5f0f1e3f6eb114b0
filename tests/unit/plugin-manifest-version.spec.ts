// The plugin's manifest version reading (classes/local/manifest_version.php), which it stores for CDN URL activities
// where mod_scorm's parser filed a manifest as SCORM_1.2 (any 2004 manifest without <schemaversion>, and
// schemaversion spellings other than mod_scorm's exact ones), agrees with the suite's own reading
// (harness/packages/manifest-model.ts) on generated manifests and on spelling variants.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { manifestArbitrary } from "../../conformance/generators/manifest-arbitrary.ts";
import { readManifest } from "../../harness/packages/manifest-model.ts";
import { detectManifestVersion } from "../../harness/packages/manifest-version.ts";
import { PLUGIN_DIR, phpCli } from "../../moodle-stack/plugin-tools/describe-plugin.ts";

const PHP_FILE = path.join(PLUGIN_DIR, "classes/local/manifest_version.php");
const PHP = phpCli();

function column(version: "1.2" | "2004" | undefined | null): string | null {
  return version === "1.2" ? "SCORM_1.2" : version === "2004" ? "SCORM_1.3" : null;
}

/** Runs one PHP process over all inputs: [method, ...args] → result. */
function php(calls: Array<[string, ...unknown[]]>): unknown[] {
  const script = `namespace local_externalscormbridge\\local;
    require ${JSON.stringify(PHP_FILE)};
    $out = [];
    foreach (json_decode(stream_get_contents(STDIN), true) as $call) { $m = array_shift($call); $out[] = manifest_version::$m(...$call); }
    echo json_encode($out);`;
  const run = spawnSync(PHP as string, ["-r", script], { input: JSON.stringify(calls), encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as unknown[];
}

test.skip(PHP === null, "php is not installed");

test("generated manifests: the plugin reads the version the suite reads", () => {
  const manifests = fc.sample(manifestArbitrary(), { numRuns: 200, seed: 20261122 });
  const results = php(manifests.map((m) => ["of_manifest", m.xml]));
  manifests.forEach((m, i) => {
    expect(results[i], m.xml).toBe(column(m.version));
    expect(results[i], m.xml).toBe(column(readManifest(m.xml).version?.version));
  });
});

test("schemaversion spellings and namespaces: the plugin decides as the suite does", () => {
  const spellings = [
    "",
    "1.2",
    "CAM 1.3",
    "2004 3rd Edition",
    "2004 4th edition",
    "SCORM 2004 3rd ed.",
    "2004",
    "scorm_1.2",
    "12",
    "v1.3",
    "2004 (4th Edition)",
    "2004 third edition",
    "2004 5th Edition",
    "9.9",
    "1.3.1",
    "ADL SCORM 2004 4th",
    "2004, 2nd",
    " 1.2 ",
  ];
  const namespaces = [
    [],
    ["http://www.adlnet.org/xsd/adlcp_rootv1p2"],
    ["http://www.adlnet.org/xsd/adlcp_v1p3"],
    ["http://www.imsglobal.org/xsd/imsss"],
    ["http://www.imsglobal.org/xsd/imscp_rootv1p1p2"],
    ["urn:other"],
  ];
  const calls: Array<[string, ...unknown[]]> = [];
  const expected: Array<string | null> = [];
  for (const sv of spellings)
    for (const ns of namespaces) {
      calls.push(["declared", sv, ns]);
      expected.push(column(detectManifestVersion(sv === "" ? null : sv, ns)?.version));
    }
  expect(php(calls)).toEqual(expected);
  expect(
    php([
      ["of_manifest", "not xml <"],
      ["of_manifest", ""],
    ]),
  ).toEqual([null, null]);
});
