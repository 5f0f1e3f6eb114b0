// Writes an imsmanifest.xml (1.2 or 2004 4th ed.) that a Moodle import would turn into the scenario's manifest_facts.
import path from "node:path";
import type { GoldenManifestFacts, GoldenSco } from "./scenario-types.ts";

export interface FactsManifest {
  xml: string;
  /** Launch files the package must hold (relative to the package root, query string removed). */
  launchFiles: string[];
  /** Facts the manifest cannot carry, for the test's report. */
  notes: string[];
}

const NAMESPACES = {
  "1.2": `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`,
  "2004": `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"`,
} as const;

const SCHEMAVERSION = { "1.2": "1.2", "2004": "2004 4th Edition" } as const;

/** scorm_scoes_data names a manifest carries as item children, per version, in schema order. */
const ITEM_DATA: Record<"1.2" | "2004", Array<[string, string]>> = {
  "1.2": [
    ["maxtimeallowed", "adlcp:maxtimeallowed"],
    ["timelimitaction", "adlcp:timelimitaction"],
    ["datafromlms", "adlcp:datafromlms"],
    ["masteryscore", "adlcp:masteryscore"],
  ],
  "2004": [
    ["timelimitaction", "adlcp:timeLimitAction"],
    ["datafromlms", "adlcp:dataFromLMS"],
  ],
};
/** Data that becomes an attribute or is derived by Moodle rather than written as an element. */
const HANDLED_ELSEWHERE = new Set(["isvisible", "parameters", "threshold"]);

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

export const resourceId = (item: GoldenSco): string => `RES-${item.identifier}`;

/** The file a launch URL names, without its query string or fragment. */
export const launchFile = (launch: string): string => launch.replace(/[?#].*$/, "");

function sequencing(item: GoldenSco): string {
  if (item.seq_objectives.length === 0) return "";
  const objective = (o: GoldenSco["seq_objectives"][number], primary: boolean): string => {
    const tag = primary ? "imsss:primaryObjective" : "imsss:objective";
    const byMeasure = o.satisfiedbymeasure === "1" ? ` satisfiedByMeasure="true"` : "";
    const measure =
      o.minnormalizedmeasure !== undefined
        ? `<imsss:minNormalizedMeasure>${esc(o.minnormalizedmeasure)}</imsss:minNormalizedMeasure>`
        : "";
    return `<${tag} objectiveID="${esc(o.objectiveid)}"${byMeasure}>${measure}</${tag}>`;
  };
  const primary = item.seq_objectives.filter((o) => o.primaryobj === "1");
  const others = item.seq_objectives.filter((o) => o.primaryobj !== "1");
  const objectives = [...primary.map((o) => objective(o, true)), ...others.map((o) => objective(o, false))];
  return `<imsss:sequencing><imsss:objectives>${objectives.join("")}</imsss:objectives></imsss:sequencing>`;
}

export function buildManifestFromFacts(
  name: string,
  version: "1.2" | "2004",
  facts: GoldenManifestFacts,
): FactsManifest {
  const notes: string[] = [];
  const scoes = [...facts.scoes].sort((a, b) => a.sortorder - b.sortorder);
  const orgs = scoes.filter((s) => s.organization === "" && s.parent === "/");
  const items = scoes.filter((s) => s.organization !== "");
  if (orgs.length === 0) throw new Error(`${name}: manifest_facts has no organisation row`);
  const launchable = items.filter((i) => i.launch);
  if (launchable.length === 0) throw new Error(`${name}: manifest_facts has no launchable item`);

  const renderItem = (item: GoldenSco, depth: number): string => {
    const pad = "  ".repeat(depth);
    const data = item.scoes_data;
    const attrs = [`identifier="${esc(item.identifier)}"`];
    if (item.launch) attrs.push(`identifierref="${esc(resourceId(item))}"`);
    if (data.isvisible !== undefined) attrs.push(`isvisible="${esc(data.isvisible)}"`);
    if (data.parameters) attrs.push(`parameters="${esc(data.parameters)}"`);
    const children = items
      .filter((c) => c.organization === item.organization && c.parent === item.identifier)
      .map((c) => renderItem(c, depth + 1));
    const body: string[] = [`${pad}  <title>${esc(item.title)}</title>`, ...children];
    for (const [key, tag] of ITEM_DATA[version]) {
      if (data[key] !== undefined) body.push(`${pad}  <${tag}>${esc(data[key])}</${tag}>`);
    }
    if (version === "2004" && data.threshold !== undefined) {
      body.push(
        `${pad}  <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="${esc(data.threshold)}"/>`,
      );
    }
    if (version === "2004") {
      const seq = sequencing(item);
      if (seq) body.push(`${pad}  ${seq}`);
    } else if (item.seq_objectives.length > 0) {
      notes.push(`${item.identifier}: SCORM 1.2 has no sequencing objectives; seq_objectives not written`);
    }
    const known = new Set([...ITEM_DATA[version].map(([k]) => k), ...HANDLED_ELSEWHERE]);
    for (const key of Object.keys(data)) {
      if (!known.has(key)) notes.push(`${item.identifier}: scoes_data.${key} has no manifest spelling here`);
    }
    return `${pad}<item ${attrs.join(" ")}>\n${body.join("\n")}\n${pad}</item>`;
  };

  const organizations = orgs
    .map((org) => {
      const top = items.filter((i) => i.organization === org.identifier && i.parent === org.identifier);
      return `    <organization identifier="${esc(org.identifier)}">
      <title>${esc(org.title)}</title>
${top.map((i) => renderItem(i, 3)).join("\n")}
    </organization>`;
    })
    .join("\n");

  const scormtypeAttr = version === "1.2" ? "adlcp:scormtype" : "adlcp:scormType";
  const launchFiles: string[] = [];
  const resources = launchable
    .map((item) => {
      const file = launchFile(item.launch);
      if (!launchFiles.includes(file)) launchFiles.push(file);
      const dir = path.posix.dirname(file);
      const probe = dir === "." ? "probe.js" : `${dir}/probe.js`;
      const type = item.scormtype === "asset" ? "asset" : "sco";
      return `    <resource identifier="${esc(resourceId(item))}" type="webcontent" ${scormtypeAttr}="${type}" href="${esc(item.launch)}">
      <file href="${esc(file)}"/><file href="${esc(probe)}"/>
    </resource>`;
    })
    .join("\n");

  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="GOLDEN-${esc(name)}" version="1" ${NAMESPACES[version]}>
  <metadata><schema>ADL SCORM</schema><schemaversion>${SCHEMAVERSION[version]}</schemaversion></metadata>
  <organizations default="${esc(orgs[0]!.identifier)}">
${organizations}
  </organizations>
  <resources>
${resources}
  </resources>
</manifest>
`;
  return { xml, launchFiles, notes };
}
