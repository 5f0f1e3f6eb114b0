// Packages broken in exactly one way, each paired with the validation code that must be the reason it is
// refused. Every breakage starts from a valid generated package and changes one thing.
import fc from "fast-check";
import type { ItemSpec } from "../../harness/packages/manifest-writer.ts";
import { packageArbitrary, type GeneratedPackage } from "./package-arbitrary.ts";

export interface BrokenPackage {
  breakage: Breakage;
  expectedCode: string;
  pkg: GeneratedPackage;
}

type Breaker = (pkg: GeneratedPackage) => GeneratedPackage;

const clone = (pkg: GeneratedPackage): GeneratedPackage => ({
  ...pkg,
  spec: structuredClone(pkg.spec),
  files: { ...pkg.files },
});

function firstItem(items: ItemSpec[]): ItemSpec {
  const item = items[0]!;
  return item.children?.length ? firstItem(item.children) : item;
}

const firstSco = (pkg: GeneratedPackage) => pkg.spec.resources.find((r) => r.scormtype === "sco")!;

const BREAKERS = {
  "no manifest": ["no-manifest", (p) => ({ ...p, manifestPath: "imsmanifest.txt" })],
  "manifest in a sub-folder": [
    "manifest-not-at-root",
    (p) => ({ ...p, manifestPath: "course/imsmanifest.xml" }),
  ],
  "truncated manifest": [
    "not-well-formed",
    (p) => ({ ...p, rewriteManifest: (xml) => xml.slice(0, xml.indexOf("</organizations>")) }),
  ],
  "entity declaration": [
    "xml-entities",
    (p) => ({
      ...p,
      rewriteManifest: (xml) => xml.replace("<manifest", `<!DOCTYPE manifest [<!ENTITY e "x">]>\n<manifest`),
    }),
  ],
  "unknown schemaversion": [
    "unknown-version",
    (p) => {
      p.spec.schemaversion = "9.9";
      return p;
    },
  ],
  "organization without identifier": [
    "organization-without-identifier",
    (p) => {
      p.spec.organizations[0]!.identifier = null;
      p.spec.defaultOrganization = "";
      return p;
    },
  ],
  "SCO resource without href": [
    "sco-without-href",
    (p) => {
      delete firstSco(p).href;
      return p;
    },
  ],
  "declared file missing": [
    "missing-file",
    (p) => {
      delete p.files["common/api.js"];
      return p;
    },
  ],
  "launch file missing": [
    "missing-launch-file",
    (p) => {
      const sco = firstSco(p);
      sco.files = sco.files.filter((f) => f !== sco.href);
      delete p.files[(sco.base ?? "") + sco.href!];
      return p;
    },
  ],
  "item refers to a missing resource": [
    "item-resource-unresolved",
    (p) => {
      firstItem(p.spec.organizations[0]!.items).identifierref = "RES-NOWHERE";
      return p;
    },
  ],
  "dependency on a missing resource": [
    "dependency-unresolved",
    (p) => {
      firstSco(p).dependencies = ["RES-NOWHERE"];
      return p;
    },
  ],
  "default organization names none": [
    "default-organization-unresolved",
    (p) => {
      p.spec.defaultOrganization = "ORG-NOWHERE";
      return p;
    },
  ],
  "duplicate identifier": [
    "duplicate-identifier",
    (p) => {
      firstItem(p.spec.organizations[0]!.items).identifier = "ORG-1";
      return p;
    },
  ],
  "SCO reaches into its parent's DOM": [
    "sco-touches-parent-dom",
    (p) => {
      p.files["common/api.js"] += "parent.document.title = 'hijacked';\n";
      return p;
    },
  ],
} satisfies Record<string, [string, Breaker]>;

export type Breakage = keyof typeof BREAKERS;
export const BREAKAGES = Object.keys(BREAKERS) as Breakage[];

/** Packages broken in one of `breakages` (every kind by default). */
export function brokenPackageArbitrary(
  breakages: readonly Breakage[] = BREAKAGES,
): fc.Arbitrary<BrokenPackage> {
  return fc
    .record({ breakage: fc.constantFrom(...breakages), pkg: packageArbitrary() })
    .map(({ breakage, pkg }) => {
      const [expectedCode, breaker] = BREAKERS[breakage] as [string, Breaker];
      return { breakage, expectedCode, pkg: breaker(clone(pkg)) };
    });
}
