// Reads imsmanifest.xml into a model of what it declares: metadata, organizations and their item trees,
// resources with their files and dependencies, item data Moodle keeps in scorm_scoes_data, objectives and
// sequencing. Lenient on purpose: it records what is there and leaves judging to manifest-checks.ts.
import { detectManifestVersion, type ManifestVersion } from "./manifest-version.ts";
import { inAdlcp, inImscp, inImsss, inXml } from "./scorm-namespaces.ts";
import { parseXml, type XmlElement } from "./xml-tree.ts";

export interface ManifestObjective {
  id: string;
  primary: boolean;
  satisfiedByMeasure: boolean;
  minNormalizedMeasure: string | null;
}

export interface ControlMode {
  choice: boolean;
  choiceExit: boolean;
  flow: boolean;
  forwardOnly: boolean;
}

export interface ManifestSequencing {
  /** imsss:controlMode as declared, with the IMS SS defaults for missing attributes. */
  controlMode: ControlMode | null;
  /** IDRef to a sequencingCollection entry, when the item borrows its sequencing. */
  idRef: string | null;
}

export interface ManifestItemNode {
  identifier: string;
  identifierref: string;
  parameters: string;
  isvisible: boolean;
  title: string | null;
  children: ManifestItemNode[];
  /** Item data as Moodle names it in scorm_scoes_data (masteryscore, datafromlms, maxtimeallowed, timelimitaction, threshold). */
  data: Record<string, string>;
  objectives: ManifestObjective[];
  sequencing: ManifestSequencing | null;
}

export interface ManifestOrganization {
  identifier: string;
  title: string | null;
  items: ManifestItemNode[];
  sequencing: ManifestSequencing | null;
}

export interface ManifestResource {
  identifier: string;
  type: string;
  scormtype: "sco" | "asset";
  /** Launch file relative to the package root (xml:base of resources and resource applied); "" when none. */
  href: string;
  /** The href attribute as written, for messages. */
  rawHref: string;
  /** Declared files relative to the package root. */
  files: string[];
  dependencies: string[];
}

export interface ManifestModel {
  identifier: string;
  schema: string | null;
  schemaversion: string | null;
  namespaces: string[];
  version: ManifestVersion;
  /** organizations@default as written; "" when absent. */
  defaultOrganization: string;
  /** Whether an <organizations> element exists at all. */
  hasOrganizationsElement: boolean;
  organizations: ManifestOrganization[];
  resources: ManifestResource[];
  /** Any imsss:sequencing (on an organization or item) or a sequencingCollection. */
  hasSequencing: boolean;
}

export class ManifestError extends Error {
  constructor(
    message: string,
    readonly code: string = "manifest",
  ) {
    super(message);
    this.name = "ManifestError";
  }
}

const ITEM_DATA_12: Record<string, string> = {
  masteryscore: "masteryscore",
  datafromlms: "datafromlms",
  maxtimeallowed: "maxtimeallowed",
  timelimitaction: "timelimitaction",
};

function itemData(item: XmlElement): Record<string, string> {
  const data: Record<string, string> = {};
  for (const el of item.elements) {
    if (!inAdlcp(el.ns)) continue;
    const name = el.local.toLowerCase();
    const mapped = ITEM_DATA_12[name];
    if (mapped && el.text()) data[mapped] = el.text();
    if (name === "completionthreshold") {
      const threshold = el.attr("minProgressMeasure") ?? el.text();
      if (threshold) data.threshold = threshold;
    }
  }
  const limit = item.child("sequencing", inImsss)?.child("limitConditions", inImsss);
  const duration = limit?.attr("attemptAbsoluteDurationLimit");
  if (duration && !data.maxtimeallowed) data.maxtimeallowed = duration;
  return data;
}

const bool = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : value.trim() === "true";

function sequencingOf(node: XmlElement): ManifestSequencing | null {
  const seq = node.child("sequencing", inImsss);
  if (!seq) return null;
  const mode = seq.child("controlMode", inImsss);
  return {
    idRef: seq.attr("IDRef") ?? null,
    controlMode: mode
      ? {
          choice: bool(mode.attr("choice"), true),
          choiceExit: bool(mode.attr("choiceExit"), true),
          flow: bool(mode.attr("flow"), false),
          forwardOnly: bool(mode.attr("forwardOnly"), false),
        }
      : null,
  };
}

function objectivesOf(item: XmlElement): ManifestObjective[] {
  const objectives = item.child("sequencing", inImsss)?.child("objectives", inImsss);
  if (!objectives) return [];
  const read = (o: XmlElement, primary: boolean): ManifestObjective => ({
    id: o.attr("objectiveID") ?? "",
    primary,
    satisfiedByMeasure: bool(o.attr("satisfiedByMeasure"), false),
    minNormalizedMeasure: o.child("minNormalizedMeasure", inImsss)?.text() ?? null,
  });
  return [
    ...objectives.children("primaryObjective", inImsss).map((o) => read(o, true)),
    ...objectives.children("objective", inImsss).map((o) => read(o, false)),
  ];
}

function readItem(item: XmlElement): ManifestItemNode {
  return {
    identifier: item.attr("identifier") ?? "",
    identifierref: item.attr("identifierref") ?? "",
    parameters: item.attr("parameters") ?? "",
    isvisible: bool(item.attr("isvisible"), true),
    title: item.child("title", inImscp)?.text() ?? null,
    children: item.children("item", inImscp).map(readItem),
    data: itemData(item),
    objectives: objectivesOf(item),
    sequencing: sequencingOf(item),
  };
}

const xmlBase = (el: XmlElement | undefined): string => el?.attr("base", inXml) ?? "";

function joinPath(base: string, href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("/")) return href;
  return base + href;
}

function readResource(resource: XmlElement, resourcesBase: string): ManifestResource {
  const base = resourcesBase + xmlBase(resource);
  const rawHref = resource.attr("href") ?? "";
  const scormtype = (
    resource.attr("scormtype", inAdlcp) ??
    resource.attr("scormType", inAdlcp) ??
    ""
  ).toLowerCase();
  return {
    identifier: resource.attr("identifier") ?? "",
    type: resource.attr("type") ?? "",
    scormtype: scormtype === "sco" ? "sco" : "asset",
    href: rawHref ? joinPath(base, rawHref) : "",
    rawHref,
    files: resource
      .children("file", inImscp)
      .map((f) => f.attr("href") ?? "")
      .filter((h) => h !== "")
      .map((h) => joinPath(base, h)),
    dependencies: resource
      .children("dependency", inImscp)
      .map((d) => d.attr("identifierref") ?? "")
      .filter((r) => r !== ""),
  };
}

function anySequencing(el: XmlElement): boolean {
  if (inImsss(el.ns) && (el.local === "sequencing" || el.local === "sequencingCollection")) return true;
  return el.elements.some(anySequencing);
}

/** Parses the XML (refusing entities and malformed documents) and reads the manifest's declarations. */
export function readManifest(xml: string): ManifestModel {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    const e = error as Error & { code?: string };
    throw new ManifestError(e.message, e.code === "entities" ? "xml-entities" : "not-well-formed");
  }
  if (root.local !== "manifest" || !inImscp(root.ns)) {
    throw new ManifestError(
      `The root element is <${root.local}>, not <manifest>: this is not a content package manifest.`,
      "not-a-manifest",
    );
  }
  const metadata = root.child("metadata", inImscp);
  const schemaversion = metadata?.child("schemaversion", inImscp)?.text() || null;
  const namespaces = collectNamespaces(root);
  const organizationsEl = root.child("organizations", inImscp);
  const resourcesEl = root.child("resources", inImscp);
  const resourcesBase = xmlBase(root) + xmlBase(resourcesEl);
  return {
    identifier: root.attr("identifier") ?? "",
    schema: metadata?.child("schema", inImscp)?.text() || null,
    schemaversion,
    namespaces,
    version: detectManifestVersion(schemaversion, namespaces),
    defaultOrganization: organizationsEl?.attr("default") ?? "",
    hasOrganizationsElement: organizationsEl !== undefined,
    organizations: (organizationsEl?.children("organization", inImscp) ?? []).map((org) => ({
      identifier: org.attr("identifier") ?? "",
      title: org.child("title", inImscp)?.text() ?? null,
      items: org.children("item", inImscp).map(readItem),
      sequencing: sequencingOf(org),
    })),
    resources: (resourcesEl?.children("resource", inImscp) ?? []).map((r) => readResource(r, resourcesBase)),
    hasSequencing: anySequencing(root),
  };
}

function collectNamespaces(el: XmlElement, out = new Set<string>()): string[] {
  out.add(el.ns);
  for (const a of el.attributes) {
    if (a.ns) out.add(a.ns);
    if (a.local === "schemaLocation") for (const part of a.value.split(/\s+/)) if (part) out.add(part);
  }
  for (const child of el.elements) collectNamespaces(child, out);
  return [...out].filter((n) => n !== "");
}
