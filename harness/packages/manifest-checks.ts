// Judges a manifest model without looking at files: required elements and attributes (with the version), then
// identifier references (default organization, item → resource, dependency → resource).
import type { ManifestItemNode, ManifestModel } from "./manifest-model.ts";
import { error, type PackageIssue } from "./package-issue.ts";

export function* walkItems(items: readonly ManifestItemNode[]): Generator<ManifestItemNode> {
  for (const item of items) {
    yield item;
    yield* walkItems(item.children);
  }
}

export function requiredElementIssues(m: ManifestModel): PackageIssue[] {
  const out: PackageIssue[] = [];
  const add = (code: string, message: string) => out.push(error("required-elements", code, message));
  if (!m.version) {
    add(
      "unknown-version",
      m.schemaversion
        ? `Unsupported schemaversion "${m.schemaversion}": expected SCORM 1.2 or 2004 (e.g. "1.2", "CAM 1.3", "2004 4th Edition").`
        : "The manifest has no <schemaversion> and no SCORM namespace, so its SCORM version is unknown.",
    );
  }
  if (!m.identifier)
    add("manifest-without-identifier", "The <manifest> element has no identifier attribute.");
  if (!m.hasOrganizationsElement) add("no-organizations", "The manifest has no <organizations> element.");
  else if (m.organizations.length === 0) {
    add("no-organization", "The manifest has no <organization>, so it has nothing a learner can launch.");
  }
  const ids = new Map<string, string>();
  const claim = (id: string, what: string) => {
    const earlier = ids.get(id);
    if (earlier)
      add("duplicate-identifier", `The identifier "${id}" is used by both ${earlier} and ${what}.`);
    else ids.set(id, what);
  };
  m.organizations.forEach((org, i) => {
    const where = org.identifier ? `organization "${org.identifier}"` : `organization #${i + 1}`;
    if (!org.identifier) add("organization-without-identifier", `The ${where} has no identifier attribute.`);
    else claim(org.identifier, where);
    if (!org.title) add("organization-without-title", `The ${where} has no <title>.`);
    if (org.items.length === 0) add("organization-without-items", `The ${where} has no <item>.`);
    for (const item of walkItems(org.items)) {
      if (!item.identifier)
        add("item-without-identifier", `An <item> in ${where} has no identifier attribute.`);
      else claim(item.identifier, `item "${item.identifier}"`);
      if (!item.title) add("item-without-title", `Item "${item.identifier}" in ${where} has no <title>.`);
    }
  });
  m.resources.forEach((r, i) => {
    if (!r.identifier) add("resource-without-identifier", `Resource #${i + 1} has no identifier attribute.`);
    else claim(r.identifier, `resource "${r.identifier}"`);
    if (r.scormtype === "sco" && !r.rawHref) {
      add("sco-without-href", `SCO resource "${r.identifier}" has no href, so it has no launch URL.`);
    }
  });
  return out;
}

export function referenceIssues(m: ManifestModel): PackageIssue[] {
  const out: PackageIssue[] = [];
  const add = (code: string, message: string) => out.push(error("identifier-references", code, message));
  const resources = new Map(m.resources.map((r) => [r.identifier, r]));
  if (m.defaultOrganization && !m.organizations.some((o) => o.identifier === m.defaultOrganization)) {
    add(
      "default-organization-unresolved",
      `<organizations default="${m.defaultOrganization}"> names no organization in the manifest.`,
    );
  }
  for (const org of m.organizations) {
    for (const item of walkItems(org.items)) {
      if (!item.identifierref) continue;
      const resource = resources.get(item.identifierref);
      if (!resource) {
        add(
          "item-resource-unresolved",
          `Item "${item.identifier}" refers to a missing resource "${item.identifierref}".`,
        );
      } else if (!resource.href) {
        add(
          "launch-without-href",
          `Item "${item.identifier}" launches resource "${resource.identifier}", which has no href.`,
        );
      }
    }
  }
  for (const r of m.resources) {
    for (const dep of r.dependencies) {
      if (!resources.has(dep)) {
        add("dependency-unresolved", `Resource "${r.identifier}" depends on a missing resource "${dep}".`);
      }
    }
  }
  const launchable = m.organizations.some((o) =>
    [...walkItems(o.items)].some((i) => resources.get(i.identifierref)?.href),
  );
  if (m.organizations.length > 0 && out.length === 0 && !launchable) {
    add(
      "no-launchable-item",
      "No item of the manifest refers to a resource with an href: nothing can be launched.",
    );
  }
  return out;
}
