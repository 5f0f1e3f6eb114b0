// Parses imsmanifest.xml with fast-xml-parser: no entity expansion, namespace prefixes respected by local name.
// Yields the version and the launchable items in manifest order, as mod_scorm's scorm_scoes would hold them.
import { XMLParser } from "fast-xml-parser";
import type { ScormVersion } from "../../bridge/protocol/messages.ts";
import { versionFromNamespaces, versionFromSchemaVersion } from "./scorm-version.ts";

export interface ManifestItem {
  identifier: string;
  title: string;
  organization: string;
  parent: string;
  /** Launch URL relative to the package root, parameters included; empty for a container item. */
  launch: string;
  scormtype: "sco" | "asset" | "";
  data: Record<string, string>;
}

export interface ParsedManifest {
  identifier: string;
  version: ScormVersion;
  edition: 2 | 3 | 4 | null;
  schemaversion: string | null;
  defaultOrganization: string;
  items: ManifestItem[];
}

export class ManifestError extends Error {}

type Node = Record<string, unknown>;

const local = (name: string): string => name.replace(/^.*:/, "");

function children(node: Node | undefined, name: string): Node[] {
  if (!node) return [];
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@_") || local(key) !== name) continue;
    for (const v of Array.isArray(value) ? value : [value])
      out.push(typeof v === "object" && v ? (v as Node) : { "#text": v });
  }
  return out;
}

function attr(node: Node | undefined, name: string): string {
  if (!node) return "";
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@_") && local(key.slice(2)).toLowerCase() === name.toLowerCase())
      return String(value);
  }
  return "";
}

function text(node: Node | undefined): string {
  if (!node) return "";
  const t = node["#text"];
  return t === undefined ? "" : String(t).trim();
}

function joinLaunch(base: string, href: string, parameters: string): string {
  let url = base + href;
  if (parameters) {
    const p = parameters.replace(/^[?&]/, "");
    url += parameters.startsWith("#") ? parameters : (url.includes("?") ? "&" : "?") + p;
  }
  return url;
}

const ITEM_DATA = ["masteryscore", "datafromlms", "maxtimeallowed", "timelimitaction", "completionThreshold"];

export function parseManifest(xml: string): ParsedManifest {
  if (/<!ENTITY/i.test(xml))
    throw new ManifestError("The manifest declares XML entities, which are not allowed.");
  const parser = new XMLParser({
    ignoreAttributes: false,
    processEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (error) {
    throw new ManifestError(`The manifest is not well-formed XML: ${(error as Error).message}`);
  }
  const manifest = children(doc, "manifest")[0];
  if (!manifest) throw new ManifestError("The file has no <manifest> root element.");

  const schemaversion = text(children(children(manifest, "metadata")[0], "schemaversion")[0]) || null;
  const namespaces = Object.entries(manifest)
    .filter(([k]) => k.startsWith("@_xmlns") || local(k.slice(2)) === "schemaLocation")
    .map(([, v]) => String(v));
  const detected = schemaversion
    ? versionFromSchemaVersion(schemaversion)
    : versionFromNamespaces(namespaces);
  if (!detected) {
    throw new ManifestError(
      schemaversion
        ? `Unsupported schemaversion "${schemaversion}": expected SCORM 1.2 or 2004.`
        : "The manifest has no schemaversion and no SCORM namespace, so its version is unknown.",
    );
  }

  const resourcesNode = children(manifest, "resources")[0];
  const resourcesBase = attr(resourcesNode, "base");
  const resources = new Map<string, Node>();
  for (const r of children(resourcesNode, "resource")) resources.set(attr(r, "identifier"), r);

  const organizations = children(manifest, "organizations")[0];
  const orgs = children(organizations, "organization");
  if (orgs.length === 0) throw new ManifestError("The manifest has no <organization>.");
  const defaultOrganization = attr(organizations, "default") || attr(orgs[0], "identifier");

  const items: ManifestItem[] = [];
  const walk = (node: Node, organization: string, parent: string): void => {
    for (const item of children(node, "item")) {
      const identifier = attr(item, "identifier");
      const ref = attr(item, "identifierref");
      let launch = "";
      let scormtype: ManifestItem["scormtype"] = "";
      if (ref) {
        const resource = resources.get(ref);
        if (!resource) throw new ManifestError(`Item "${identifier}" refers to a missing resource "${ref}".`);
        const href = attr(resource, "href");
        if (!href) throw new ManifestError(`Resource "${ref}" has no href to launch.`);
        launch = joinLaunch(resourcesBase + attr(resource, "base"), href, attr(item, "parameters"));
        scormtype = attr(resource, "scormtype").toLowerCase() === "sco" ? "sco" : "asset";
      }
      const data: Record<string, string> = {};
      for (const name of ITEM_DATA) {
        const value = text(children(item, name)[0]) || attr(children(item, name)[0], "value");
        if (value) data[name.toLowerCase()] = value;
      }
      items.push({
        identifier,
        title: text(children(item, "title")[0]),
        organization,
        parent,
        launch,
        scormtype,
        data,
      });
      walk(item, organization, identifier);
    }
  };
  for (const org of orgs) walk(org, attr(org, "identifier"), "/");
  if (!items.some((i) => i.launch)) throw new ManifestError("The manifest has no launchable item.");

  return {
    identifier: attr(manifest, "identifier"),
    version: detected.version,
    edition: detected.edition,
    schemaversion,
    defaultOrganization,
    items,
  };
}
