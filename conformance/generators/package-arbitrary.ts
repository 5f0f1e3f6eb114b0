// Generates valid SCORM packages as a manifest description plus the files it declares: 1.2 or 2004, one to four
// SCOs (in their own xml:base folders or at the root), a shared script every SCO depends on, optional asset
// items, nested chapters and launch parameters. renderPackage turns one into the files of a package folder.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import {
  writeManifest,
  type ItemSpec,
  type ManifestSpec,
  type ResourceSpec,
} from "../../harness/packages/manifest-writer.ts";
import { SCHEMAVERSION_SPELLINGS } from "./manifest-arbitrary.ts";
import { printableText } from "./text-arbitrary.ts";

export interface GeneratedPackage {
  spec: ManifestSpec;
  /** Files other than the manifest, path → content. */
  files: Record<string, string>;
  /** Where the manifest goes ("imsmanifest.xml" for a valid package). */
  manifestPath: string;
  /** Applied to the written manifest text (a broken package may need to corrupt it). */
  rewriteManifest?: (xml: string) => string;
  scoCount: number;
}

const SCO_PAGE = `<!doctype html><meta charset="utf-8"><title>SCO</title><script src="../common/api.js"></script><p>SCO</p>\n`;
const SHARED_SCRIPT = `function findApi(w){while(w&&!w.API&&!w.API_1484_11&&w.parent!==w)w=w.parent;return w&&(w.API||w.API_1484_11);}\n`;

const title = printableText(1, 30).filter((s) => s.trim().length > 0);

interface ScoDraft {
  inFolder: boolean;
  parameters: string | null;
  title: string;
}

const scoDraft: fc.Arbitrary<ScoDraft> = fc.record({
  inFolder: fc.boolean(),
  parameters: fc.option(fc.constantFrom("?page=1", "lang=en&mode=review", "#start"), { nil: null }),
  title,
});

export function packageArbitrary(): fc.Arbitrary<GeneratedPackage> {
  return fc
    .record({
      version: fc.constantFrom<"1.2" | "2004">("1.2", "2004"),
      spelling: fc.nat(),
      omitSchemaversion: fc.boolean(),
      scos: fc.array(scoDraft, { minLength: 1, maxLength: 4 }),
      assets: fc.nat({ max: 2 }),
      chapter: fc.boolean(),
      orgTitle: title,
      extraFile: fc.boolean(),
    })
    .map((r) => {
      const spellings = SCHEMAVERSION_SPELLINGS[r.version];
      const files: Record<string, string> = { "common/api.js": SHARED_SCRIPT };
      const resources: ResourceSpec[] = [
        { identifier: "RES-COMMON", scormtype: "asset", files: ["common/api.js"] },
      ];
      const items: ItemSpec[] = [];
      r.scos.forEach((sco, i) => {
        const folder = `sco${i + 1}/`;
        files[`${folder}index.html`] = SCO_PAGE;
        resources.push({
          identifier: `RES-SCO-${i + 1}`,
          scormtype: "sco",
          href: sco.inFolder ? "index.html" : `${folder}index.html`,
          base: sco.inFolder ? folder : undefined,
          files: [sco.inFolder ? "index.html" : `${folder}index.html`],
          dependencies: ["RES-COMMON"],
        });
        items.push({
          identifier: `ITEM-SCO-${i + 1}`,
          identifierref: `RES-SCO-${i + 1}`,
          title: sco.title,
          parameters: sco.parameters ?? undefined,
        });
      });
      for (let i = 0; i < r.assets; i++) {
        files[`assets/handout${i + 1}.html`] =
          `<!doctype html><title>Handout</title><p>Handout ${i + 1}</p>\n`;
        resources.push({
          identifier: `RES-ASSET-${i + 1}`,
          scormtype: "asset",
          href: `assets/handout${i + 1}.html`,
          files: [`assets/handout${i + 1}.html`],
        });
        items.push({
          identifier: `ITEM-ASSET-${i + 1}`,
          identifierref: `RES-ASSET-${i + 1}`,
          title: `Handout ${i + 1}`,
        });
      }
      if (r.extraFile) files["notes/readme.txt"] = "not declared in the manifest\n";
      const spec: ManifestSpec = {
        version: r.version,
        schemaversion: r.omitSchemaversion ? null : spellings[r.spelling % spellings.length]!,
        identifier: "MANIFEST-1",
        defaultOrganization: "ORG-1",
        organizations: [
          {
            identifier: "ORG-1",
            title: r.orgTitle,
            items: r.chapter ? [{ identifier: "CHAPTER-1", title: "Chapter", children: items }] : items,
          },
        ],
        resources,
      };
      return { spec, files, manifestPath: "imsmanifest.xml", scoCount: r.scos.length };
    });
}

/** The package's files, manifest included, path → content. */
export function renderPackage(pkg: GeneratedPackage): Record<string, string> {
  const xml = writeManifest(pkg.spec);
  return { ...pkg.files, [pkg.manifestPath]: pkg.rewriteManifest ? pkg.rewriteManifest(xml) : xml };
}

export async function writePackageFolder(dir: string, pkg: GeneratedPackage): Promise<void> {
  for (const [file, content] of Object.entries(renderPackage(pkg))) {
    const target = path.join(dir, ...file.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content, "utf8");
  }
}
