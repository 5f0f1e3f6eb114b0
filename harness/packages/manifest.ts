// Parses imsmanifest.xml into what an LMS needs to create an activity: the version and the items in manifest
// order, as mod_scorm's scorm_scoes would hold them, with their scorm_scoes_data. Refuses (ManifestError) a
// manifest that cannot be launched; finer judgement (titles, files, extra files) is package-validation.ts's.
import type { ScormVersion } from "../../bridge/protocol/messages.ts";
import { referenceIssues, requiredElementIssues } from "./manifest-checks.ts";
import {
  ManifestError,
  readManifest,
  type ManifestItemNode,
  type ManifestModel,
  type ManifestObjective,
  type ManifestSequencing,
} from "./manifest-model.ts";

export { ManifestError } from "./manifest-model.ts";

export interface ManifestItem {
  identifier: string;
  title: string;
  organization: string;
  /** The parent item's identifier; the organization's for a top-level item (as mod_scorm files it). */
  parent: string;
  /** Launch URL relative to the package root, parameters included; empty for a container item. */
  launch: string;
  scormtype: "sco" | "asset" | "";
  parameters: string;
  isvisible: boolean;
  /** scorm_scoes_data name → value (masteryscore, datafromlms, maxtimeallowed, timelimitaction, threshold). */
  data: Record<string, string>;
  objectives: ManifestObjective[];
  sequencing: ManifestSequencing | null;
}

export interface ParsedManifest {
  identifier: string;
  version: ScormVersion;
  edition: 2 | 3 | 4 | null;
  versionSource: "schemaversion" | "namespace";
  schemaversion: string | null;
  defaultOrganization: string;
  items: ManifestItem[];
  hasSequencing: boolean;
  model: ManifestModel;
}

/** Problems that leave nothing sensible to launch; Moodle itself tolerates the others (e.g. missing titles). */
const BLOCKING = new Set([
  "unknown-version",
  "no-organizations",
  "no-organization",
  "sco-without-href",
  "item-resource-unresolved",
  "launch-without-href",
  "dependency-unresolved",
  "no-launchable-item",
]);

export function launchUrl(href: string, parameters: string): string {
  if (!parameters) return href;
  if (parameters.startsWith("#")) return href + parameters;
  return href + (href.includes("?") ? "&" : "?") + parameters.replace(/^[?&]/, "");
}

export function parseManifest(xml: string): ParsedManifest {
  const model = readManifest(xml);
  const blocking = [...requiredElementIssues(model), ...referenceIssues(model)].find((i) =>
    BLOCKING.has(i.code),
  );
  if (blocking || !model.version)
    throw new ManifestError(blocking?.message ?? "Unknown version.", blocking?.code);
  const resources = new Map(model.resources.map((r) => [r.identifier, r]));
  const items: ManifestItem[] = [];
  const walk = (nodes: readonly ManifestItemNode[], organization: string, parent: string): void => {
    for (const node of nodes) {
      const resource = node.identifierref ? resources.get(node.identifierref) : undefined;
      items.push({
        identifier: node.identifier,
        title: node.title ?? "",
        organization,
        parent,
        launch: resource ? launchUrl(resource.href, node.parameters) : "",
        scormtype: resource ? resource.scormtype : "",
        parameters: node.parameters,
        isvisible: node.isvisible,
        data: node.data,
        objectives: node.objectives,
        sequencing: node.sequencing,
      });
      walk(node.children, organization, node.identifier);
    }
  };
  for (const org of model.organizations) walk(org.items, org.identifier, org.identifier);
  return {
    identifier: model.identifier,
    version: model.version.version,
    edition: model.version.edition,
    versionSource: model.version.source,
    schemaversion: model.schemaversion,
    defaultOrganization: model.defaultOrganization || model.organizations[0]?.identifier || "",
    items,
    hasSequencing: model.hasSequencing,
    model,
  };
}
