// Writes imsmanifest.xml from a plain description of a package: organizations and their item trees, resources
// with files and dependencies, item data, in the namespaces of SCORM 1.2 or 2004. Every value is escaped.
export type WrittenVersion = "1.2" | "2004";

export interface ItemSpec {
  identifier: string;
  title: string | null;
  identifierref?: string;
  parameters?: string;
  /** adlcp item data by its SCORM element name (e.g. masteryscore, dataFromLMS). */
  adlcp?: Record<string, string>;
  /** Raw imsss:sequencing body (already XML). */
  sequencingXml?: string;
  children?: ItemSpec[];
}

export interface ResourceSpec {
  identifier: string;
  scormtype: "sco" | "asset";
  href?: string;
  base?: string;
  files: string[];
  dependencies?: string[];
}

export interface ManifestSpec {
  version: WrittenVersion;
  schemaversion: string | null;
  identifier: string | null;
  defaultOrganization: string;
  organizations: { identifier: string | null; title: string | null; items: ItemSpec[] }[];
  resources: ResourceSpec[];
}

export const xmlEscape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

const NAMESPACES: Record<WrittenVersion, string> = {
  "1.2": `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`,
  "2004": `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"`,
};

const attr = (name: string, value: string | null | undefined): string =>
  value === null || value === undefined ? "" : ` ${name}="${xmlEscape(value)}"`;

function writeItem(item: ItemSpec, indent: string): string {
  const inner = [
    item.title === null ? "" : `${indent}  <title>${xmlEscape(item.title)}</title>\n`,
    ...Object.entries(item.adlcp ?? {}).map(
      ([k, v]) => `${indent}  <adlcp:${k}>${xmlEscape(v)}</adlcp:${k}>\n`,
    ),
    ...(item.children ?? []).map((c) => writeItem(c, indent + "  ")),
    item.sequencingXml ? `${indent}  <imsss:sequencing>${item.sequencingXml}</imsss:sequencing>\n` : "",
  ].join("");
  return `${indent}<item${attr("identifier", item.identifier)}${attr("identifierref", item.identifierref)}${attr("parameters", item.parameters)}>\n${inner}${indent}</item>\n`;
}

export function writeManifest(spec: ManifestSpec): string {
  const scormtype = spec.version === "1.2" ? "adlcp:scormtype" : "adlcp:scormType";
  const metadata =
    spec.schemaversion === null
      ? ""
      : `  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>${xmlEscape(spec.schemaversion)}</schemaversion>\n  </metadata>\n`;
  const organizations = spec.organizations
    .map(
      (o) =>
        `    <organization${attr("identifier", o.identifier)}>\n${o.title === null ? "" : `      <title>${xmlEscape(o.title)}</title>\n`}${o.items.map((i) => writeItem(i, "      ")).join("")}    </organization>\n`,
    )
    .join("");
  const resources = spec.resources
    .map(
      (r) =>
        `    <resource${attr("identifier", r.identifier)} type="webcontent" ${scormtype}="${r.scormtype}"${attr("href", r.href)}${attr("xml:base", r.base)}>\n${r.files.map((f) => `      <file${attr("href", f)}/>\n`).join("")}${(r.dependencies ?? []).map((d) => `      <dependency${attr("identifierref", d)}/>\n`).join("")}    </resource>\n`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest${attr("identifier", spec.identifier)} version="1" ${NAMESPACES[spec.version]}>
${metadata}  <organizations${attr("default", spec.defaultOrganization)}>
${organizations}  </organizations>
  <resources>
${resources}  </resources>
</manifest>
`;
}
