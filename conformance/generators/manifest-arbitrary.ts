// Generates valid single-SCO manifests for the probe SCO, declaring their version the many ways authors write
// it (or not at all, leaving only the namespaces), with arbitrary identifiers and titles.
import fc from "fast-check";
import { printableText } from "./text-arbitrary.ts";

export type DeclaredVersion = "1.2" | "2004";

export interface GeneratedManifest {
  version: DeclaredVersion;
  schemaversion: string | null;
  xml: string;
}

const xmlEscape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

export const SCHEMAVERSION_SPELLINGS: Record<DeclaredVersion, readonly string[]> = {
  "1.2": ["1.2", "CAM 1.2", "SCORM 1.2", " 1.2 "],
  "2004": [
    "CAM 1.3",
    "2004 3rd Edition",
    "2004 4th Edition",
    "2004 3rd edition",
    "SCORM 2004 4th Edition",
    "2004 4th  Edition ",
    "2004",
  ],
};

const NAMESPACES: Record<DeclaredVersion, string> = {
  "1.2": `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`,
  "2004": `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"`,
};

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,20}$/);
const title = printableText(1, 40).filter((s) => s.trim().length > 0);

function changeCase(s: string, upper: boolean): string {
  return upper ? s.toUpperCase() : s;
}

export function manifestArbitrary(): fc.Arbitrary<GeneratedManifest> {
  return fc
    .record({
      version: fc.constantFrom<DeclaredVersion>("1.2", "2004"),
      spelling: fc.nat(),
      upper: fc.boolean(),
      omitSchemaversion: fc.boolean(),
      manifestId: identifier,
      orgId: identifier,
      itemId: identifier,
      resId: identifier,
      orgTitle: title,
      itemTitle: title,
    })
    .filter((r) => new Set([r.orgId, r.itemId, r.resId]).size === 3)
    .map((r) => {
      const spellings = SCHEMAVERSION_SPELLINGS[r.version];
      const schemaversion = r.omitSchemaversion
        ? null
        : changeCase(spellings[r.spelling % spellings.length] ?? spellings[0]!, r.upper);
      return { version: r.version, schemaversion, xml: buildProbeManifest(r.version, schemaversion, r) };
    });
}

export function buildProbeManifest(
  version: DeclaredVersion,
  schemaversion: string | null,
  ids: {
    manifestId: string;
    orgId: string;
    itemId: string;
    resId: string;
    orgTitle: string;
    itemTitle: string;
  },
): string {
  const scormtypeAttr = version === "1.2" ? "adlcp:scormtype" : "adlcp:scormType";
  const metadata =
    schemaversion === null
      ? ""
      : `<metadata><schema>ADL SCORM</schema><schemaversion>${xmlEscape(schemaversion)}</schemaversion></metadata>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlEscape(ids.manifestId)}" version="1" ${NAMESPACES[version]}>
  ${metadata}
  <organizations default="${xmlEscape(ids.orgId)}">
    <organization identifier="${xmlEscape(ids.orgId)}">
      <title>${xmlEscape(ids.orgTitle)}</title>
      <item identifier="${xmlEscape(ids.itemId)}" identifierref="${xmlEscape(ids.resId)}">
        <title>${xmlEscape(ids.itemTitle)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${xmlEscape(ids.resId)}" type="webcontent" ${scormtypeAttr}="sco" href="sco.html">
      <file href="sco.html"/><file href="probe.js"/>
    </resource>
  </resources>
</manifest>
`;
}
