// Manifest model: namespaces decide meaning (not prefixes), entities are never expanded, and organizations,
// items, resources, dependencies, item data, objectives and sequencing are read as declared.
import { expect, test } from "@playwright/test";
import { parseManifest } from "../../harness/packages/manifest.ts";
import { readManifest } from "../../harness/packages/manifest-model.ts";
import { detectManifestVersion } from "../../harness/packages/manifest-version.ts";

const NS12 = `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`;
const NS2004 = `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"`;

const scorm12 = `<?xml version="1.0"?>
<manifest identifier="M12" ${NS12}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="O">
    <organization identifier="O"><title>Course</title>
      <item identifier="CH1"><title>Chapter</title>
        <item identifier="S1" identifierref="R1" parameters="?lang=en&amp;x=1" isvisible="false"><title>One</title>
          <adlcp:masteryscore>80</adlcp:masteryscore>
          <adlcp:datafromlms>seed data</adlcp:datafromlms>
          <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
          <adlcp:timelimitaction>exit,message</adlcp:timelimitaction>
        </item>
        <item identifier="A1" identifierref="R2"><title>Handout</title></item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="one.html?mode=a" xml:base="s1/">
      <file href="one.html"/><dependency identifierref="SHARED"/>
    </resource>
    <resource identifier="R2" type="webcontent" adlcp:scormtype="asset" href="handout.pdf"><file href="handout.pdf"/></resource>
    <resource identifier="SHARED" type="webcontent" adlcp:scormtype="asset"><file href="shared/api.js"/></resource>
  </resources>
</manifest>`;

test("a 1.2 manifest: item tree, launch URLs with parameters and bases, item data, resources and dependencies", () => {
  const m = parseManifest(scorm12);
  expect(m).toMatchObject({ version: "1.2", versionSource: "schemaversion", hasSequencing: false });
  expect(m.items.map((i) => [i.identifier, i.parent, i.scormtype, i.launch])).toEqual([
    ["CH1", "O", "", ""],
    ["S1", "CH1", "sco", "content/s1/one.html?mode=a&lang=en&x=1"],
    ["A1", "CH1", "asset", "content/handout.pdf"],
  ]);
  expect(m.items[1]).toMatchObject({
    isvisible: false,
    data: {
      masteryscore: "80",
      datafromlms: "seed data",
      maxtimeallowed: "00:30:00",
      timelimitaction: "exit,message",
    },
  });
  expect(m.model.resources.find((r) => r.identifier === "R1")).toMatchObject({
    files: ["content/s1/one.html"],
    dependencies: ["SHARED"],
  });
  expect(m.model.resources.find((r) => r.identifier === "SHARED")?.files).toEqual(["content/shared/api.js"]);
});

const scorm2004 = `<manifest identifier="M04" ${NS2004}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="O">
    <organization identifier="O"><title>Course</title>
      <item identifier="S1" identifierref="R1"><title>One</title>
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75"/>
        <adlcp:dataFromLMS>hello</adlcp:dataFromLMS>
        <adlcp:timeLimitAction>continue,no message</adlcp:timeLimitAction>
        <imsss:sequencing>
          <imsss:controlMode choice="false" flow="true" forwardOnly="true"/>
          <imsss:limitConditions attemptAbsoluteDurationLimit="PT1H"/>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="main" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective>
            <imsss:objective objectiveID="extra"/>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources><resource identifier="R1" type="webcontent" adlcp:scormType="sco" href="sco.html"/></resources>
</manifest>`;

test("a 2004 4th edition manifest: threshold as Moodle stores it, objectives, control mode, time limit", () => {
  const m = parseManifest(scorm2004);
  expect(m).toMatchObject({ version: "2004", edition: 4, hasSequencing: true });
  const [item] = m.items;
  expect(item?.data).toEqual({
    threshold: "0.75",
    datafromlms: "hello",
    timelimitaction: "continue,no message",
    maxtimeallowed: "PT1H",
  });
  expect(item?.objectives).toEqual([
    { id: "main", primary: true, satisfiedByMeasure: true, minNormalizedMeasure: "0.6" },
    { id: "extra", primary: false, satisfiedByMeasure: false, minNormalizedMeasure: null },
  ]);
  expect(item?.sequencing?.controlMode).toEqual({
    choice: false,
    choiceExit: true,
    flow: true,
    forwardOnly: true,
  });
  // 3rd edition wrote the threshold as element text
  const third = scorm2004
    .replace("2004 4th Edition", "2004 3rd Edition")
    .replace(
      /<adlcp:completionThreshold[^>]*\/>/,
      "<adlcp:completionThreshold>0.5</adlcp:completionThreshold>",
    );
  expect(parseManifest(third)).toMatchObject({ edition: 3, items: [{ data: { threshold: "0.5" } }] });
});

test("namespaces, not prefixes, give elements their meaning", () => {
  // Any prefix bound to the ADL namespace works; the adlcp prefix bound elsewhere does not.
  const renamed = scorm12.replace(/adlcp:/g, "x:").replace('xmlns:adlcp="', 'xmlns:x="');
  expect(parseManifest(renamed).items[1]?.data.masteryscore).toBe("80");
  expect(parseManifest(renamed).items[1]?.scormtype).toBe("sco");
  const foreign = scorm12.replace(
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    'xmlns:adlcp="http://example.com/not-adl"',
  );
  expect(parseManifest(foreign).items[1]?.data).toEqual({});
  expect(parseManifest(foreign).items[1]?.scormtype).toBe("asset");
  // a default namespace redeclared on an element takes that subtree out of content packaging
  const hidden = scorm12.replace(
    '<item identifier="A1"',
    '<item xmlns="http://example.com/other" identifier="A1"',
  );
  expect(parseManifest(hidden).items.map((i) => i.identifier)).toEqual(["CH1", "S1"]);
});

test("entities are never expanded: billion laughs and external entities are refused", () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><manifest ${NS12}>&lol2;</manifest>`;
  const xxe = `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><manifest ${NS12}><metadata><schemaversion>&xxe;</schemaversion></metadata></manifest>`;
  for (const xml of [laughs, xxe]) {
    expect(() => readManifest(xml)).toThrow(expect.objectContaining({ code: "xml-entities" }));
  }
  // the predefined entities and character references are plain text, never markup
  const amp = scorm12.replace(
    "<title>Course</title>",
    "<title>A &amp; B &lt;i&gt; &#233;&#x263A; &amp;lt;</title>",
  );
  expect(readManifest(amp).organizations[0]?.title).toBe("A & B <i> é☺ &lt;");
});

test("the version comes from schemaversion, else from namespaces; a non-SCORM schemaversion stays unknown", () => {
  const ns2004 = ["http://www.imsglobal.org/xsd/imscp_v1p1", "http://www.adlnet.org/xsd/adlcp_v1p3"];
  expect(detectManifestVersion("2004 3rd Editon", ns2004)).toMatchObject({
    edition: 3,
    source: "schemaversion",
  });
  expect(detectManifestVersion(null, ns2004)).toMatchObject({ version: "2004", source: "namespace" });
  expect(detectManifestVersion("SCORM 2004 fifth", ns2004)).toMatchObject({
    version: "2004",
    source: "namespace",
  });
  expect(detectManifestVersion("9.9", ns2004)).toBeNull();
  expect(detectManifestVersion(null, ["http://www.imsproject.org/xsd/imscp_rootv1p1p2"])).toMatchObject({
    version: "1.2",
  });
  expect(parseManifest(scorm12.replace(/<metadata>.*<\/metadata>/, "")).versionSource).toBe("namespace");
});
