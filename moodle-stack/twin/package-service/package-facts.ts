// What the service tells about a package, read from its validated manifest: SCORM version (and 2004 edition),
// title, and the SCOs the learner can launch (items of the organizations whose resource is a SCO), in order.
import type { ManifestItemNode, ManifestModel } from "../../../harness/packages/manifest-model.ts";
import type { ScormVersion } from "../../../bridge/protocol/messages.ts";

export interface PackageSco {
  /** The item's identifier. */
  identifier: string;
  title: string | null;
  /** The resource's launch file, relative to the package root. */
  href: string;
}

export interface PackageFacts {
  title: string | null;
  manifestIdentifier: string;
  scormVersion: ScormVersion | null;
  edition: 2 | 3 | 4 | null;
  scos: PackageSco[];
}

function flatten(items: readonly ManifestItemNode[]): ManifestItemNode[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}

export function packageFacts(manifest: ManifestModel): PackageFacts {
  const resources = new Map(manifest.resources.map((r) => [r.identifier, r]));
  const organization =
    manifest.organizations.find((o) => o.identifier === manifest.defaultOrganization) ??
    manifest.organizations[0];
  const scos: PackageSco[] = [];
  for (const item of flatten(organization?.items ?? [])) {
    const resource = resources.get(item.identifierref);
    if (resource?.scormtype === "sco")
      scos.push({ identifier: item.identifier, title: item.title, href: resource.href });
  }
  return {
    title: organization?.title ?? null,
    manifestIdentifier: manifest.identifier,
    scormVersion: manifest.version?.version ?? null,
    edition: manifest.version?.edition ?? null,
    scos,
  };
}
