// The twin files a manifest's organizations and items in scorm_scoes, scorm_scoes_data and scorm_seq_objective as
// Moodle 4.5.6 did for each golden scenario (manifest_facts: scorm_parse_scorm's rows): an organization row of its
// own (parent "/", no launch) before its items, top-level items under the organization's identifier, every item's
// isvisible and parameters with its optional data (moodle-scorm-contract §1.1; golden README, JSON format).
import { buildManifestFromFacts } from "../../harness/golden/manifest-from-facts.ts";
import { loadGoldenCorpus } from "../../harness/golden/scenario-loader.ts";
import { MoodleTwin } from "../../moodle-stack/twin/moodle-twin.ts";
import { expect, test } from "@playwright/test";

const corpus = loadGoldenCorpus();

test("the twin's scorm_scoes rows, their data and objectives are Moodle's for every golden manifest", async () => {
  test.skip(!corpus.available, corpus.notice);
  const twin = await MoodleTwin.create({ bridgeDir: "/nonexistent" });
  const course = twin.people.createCourse("C", "c");
  for (const s of corpus.scenarios) {
    const manifest = buildManifestFromFacts(s.name, s.scorm_version, s.manifest_facts);
    const activity = twin.activities.createFromManifest(
      course,
      s.name,
      "https://cdn.test:1/p/imsmanifest.xml",
      manifest.xml,
    );
    const rows = twin.query(
      `SELECT id, identifier, organization, parent, scormtype, launch, title FROM mdl_scorm_scoes
        WHERE scorm = ? ORDER BY sortorder`,
      [activity.scormid],
    );
    const filed = rows.map((r) => ({
      identifier: r.identifier,
      organization: r.organization,
      parent: r.parent,
      scormtype: r.scormtype,
      launch: r.launch,
      title: r.title,
      scoes_data: Object.fromEntries(
        twin
          .query("SELECT name, value FROM mdl_scorm_scoes_data WHERE scoid = ? ORDER BY id", [Number(r.id)])
          .map((d) => [d.name, d.value]),
      ),
      seq_objectives: twin.activities.scoObjectives(Number(r.id)),
    }));
    const recorded = [...s.manifest_facts.scoes]
      .sort((a, b) => a.sortorder - b.sortorder)
      .map((x) => ({
        identifier: x.identifier,
        organization: x.organization,
        parent: x.parent,
        scormtype: x.scormtype,
        launch: x.launch,
        title: x.title,
        scoes_data: x.scoes_data,
        seq_objectives: x.seq_objectives.map((o) => ({
          objectiveid: o.objectiveid,
          minnormalizedmeasure: o.minnormalizedmeasure,
        })),
      }));
    expect(filed, `${s.name}: scorm_scoes as Moodle filed the manifest`).toEqual(recorded);
  }
});

test("a container item is an asset without launch; nested items name their parent item; isvisible and parameters as written", async () => {
  const twin = await MoodleTwin.create({ bridgeDir: "/nonexistent" });
  const course = twin.people.createCourse("C", "c");
  const xml = `<?xml version="1.0"?>
<manifest identifier="M" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="O"><organization identifier="O"><title>Course</title>
    <item identifier="CH1"><title>Chapter</title>
      <item identifier="S1" identifierref="R1" isvisible="false" parameters="?a=1"><title>One</title></item>
    </item>
  </organization></organizations>
  <resources><resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="one.html"><file href="one.html"/></resource></resources>
</manifest>`;
  const activity = twin.activities.createFromManifest(
    course,
    "N",
    "https://cdn.test:1/n/imsmanifest.xml",
    xml,
  );
  const rows = twin.query(
    "SELECT id, identifier, organization, parent, scormtype, launch FROM mdl_scorm_scoes WHERE scorm = ? ORDER BY sortorder",
    [activity.scormid],
  );
  expect(
    rows.map((r) => [r.identifier, r.organization, r.parent, r.scormtype, r.launch === "" ? "" : "launch"]),
  ).toEqual([
    ["O", "", "/", "", ""],
    ["CH1", "O", "O", "asset", ""],
    ["S1", "O", "CH1", "sco", "launch"],
  ]);
  const data = (identifier: string) =>
    Object.fromEntries(
      twin
        .query("SELECT name, value FROM mdl_scorm_scoes_data WHERE scoid = ? ORDER BY id", [
          Number(rows.find((r) => r.identifier === identifier)!.id),
        ])
        .map((d) => [d.name, d.value]),
    );
  expect(data("CH1")).toEqual({ isvisible: "true", parameters: "" });
  expect(data("S1")).toEqual({ isvisible: "false", parameters: "?a=1" });
});
