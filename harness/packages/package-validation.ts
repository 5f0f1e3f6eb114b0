// Validates an unpacked package in ADL's order and stops at the first step that finds errors: manifest at the
// root, well-formed XML, required elements (and a known version), required (declared) files, resource hrefs,
// identifier references, what the SCOs' scripts do; files the manifest never mentions are only a warning.
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { parentDomIssues } from "./content-checks.ts";
import { referenceIssues, requiredElementIssues } from "./manifest-checks.ts";
import { ManifestError, readManifest, type ManifestModel, type ManifestResource } from "./manifest-model.ts";
import { error, warning, type PackageIssue } from "./package-issue.ts";
import { isRemote, listPackageFiles, packagePath } from "./package-tree.ts";

export interface PackageValidation {
  ok: boolean;
  errors: PackageIssue[];
  warnings: PackageIssue[];
  /** The manifest as read, once it was found and well-formed. */
  manifest: ManifestModel | null;
}

const AICC_FILE = /\.(?:crs|cst|au|des)$/i;
/** XML schema control documents, which ADL expects packages to carry and manifests never list. */
const CONTROL_DOCUMENT = /\.(?:xsd|dtd)$/i;

const result = (issues: PackageIssue[], manifest: ManifestModel | null): PackageValidation => {
  const errors = issues.filter((i) => i.severity === "error");
  return {
    ok: errors.length === 0,
    errors,
    warnings: issues.filter((i) => i.severity === "warning"),
    manifest,
  };
};

function manifestLocationIssue(files: readonly string[]): PackageIssue {
  const nested = files.find((f) => path.posix.basename(f).toLowerCase() === "imsmanifest.xml");
  if (nested) {
    return error(
      "manifest-at-root",
      "manifest-not-at-root",
      `imsmanifest.xml is at "${nested}", not at the root of the package: zip the package's contents, not its folder.`,
    );
  }
  if (files.some((f) => AICC_FILE.test(f))) {
    return error(
      "manifest-at-root",
      "aicc-package",
      "This is an AICC package (.crs/.cst/.au/.des files, no imsmanifest.xml); only SCORM packages can be played through the bridge.",
    );
  }
  return error(
    "manifest-at-root",
    "no-manifest",
    "The package has no imsmanifest.xml at its root: it is not a SCORM package.",
  );
}

function declaredFiles(resource: ManifestResource): string[] {
  return resource.files.filter((f) => !isRemote(f));
}

function fileIssues(m: ManifestModel, present: ReadonlySet<string>): PackageIssue[] {
  const out: PackageIssue[] = [];
  for (const r of m.resources) {
    for (const href of declaredFiles(r)) {
      const file = packagePath(href);
      if (file === null) {
        out.push(
          error(
            "required-files",
            "file-outside-package",
            `Resource "${r.identifier}" declares "${href}", which lies outside the package.`,
          ),
        );
      } else if (!present.has(file)) {
        out.push(
          error(
            "required-files",
            "missing-file",
            `Resource "${r.identifier}" declares the file "${file}", which is not in the package.`,
          ),
        );
      }
    }
  }
  return out;
}

function hrefIssues(m: ManifestModel, present: ReadonlySet<string>): PackageIssue[] {
  const out: PackageIssue[] = [];
  for (const r of m.resources) {
    if (!r.href || isRemote(r.href)) continue;
    const file = packagePath(r.href);
    if (file === null) {
      out.push(
        error(
          "resource-hrefs",
          "href-outside-package",
          `Resource "${r.identifier}" launches "${r.href}", which lies outside the package.`,
        ),
      );
    } else if (!present.has(file)) {
      out.push(
        error(
          "resource-hrefs",
          "missing-launch-file",
          `Resource "${r.identifier}" launches "${file}", which is not in the package.`,
        ),
      );
    }
  }
  return out;
}

function scoFiles(m: ManifestModel): string[] {
  const byId = new Map(m.resources.map((r) => [r.identifier, r]));
  const out: string[] = [];
  const visit = (r: ManifestResource, seen: Set<string>) => {
    if (seen.has(r.identifier)) return;
    seen.add(r.identifier);
    for (const f of [r.href, ...declaredFiles(r)]) {
      const p = f && !isRemote(f) ? packagePath(f) : null;
      if (p) out.push(p);
    }
    for (const dep of r.dependencies) {
      const d = byId.get(dep);
      if (d) visit(d, seen);
    }
  };
  for (const r of m.resources) if (r.scormtype === "sco") visit(r, new Set());
  return out;
}

function extraFileWarnings(m: ManifestModel, files: readonly string[]): PackageIssue[] {
  const declared = new Set<string>(["imsmanifest.xml"]);
  for (const r of m.resources) {
    for (const f of [r.href, ...r.files]) {
      const p = f && !isRemote(f) ? packagePath(f) : null;
      if (p) declared.add(p);
    }
  }
  const extra = files.filter((f) => !declared.has(f) && !CONTROL_DOCUMENT.test(f));
  if (extra.length === 0) return [];
  const shown = extra.slice(0, 5).join(", ");
  return [
    warning(
      "extra-files",
      "undeclared-files",
      `${extra.length} file(s) are in the package but not declared in the manifest: ${shown}${extra.length > 5 ? ", …" : ""}.`,
    ),
  ];
}

export async function validatePackage(root: string): Promise<PackageValidation> {
  const files = await listPackageFiles(root);
  const manifestPath = path.join(root, "imsmanifest.xml");
  const atRoot = await access(manifestPath).then(
    () => files.includes("imsmanifest.xml"),
    () => false,
  );
  if (!atRoot) return result([manifestLocationIssue(files)], null);

  let manifest: ManifestModel;
  try {
    manifest = readManifest(await readFile(manifestPath, "utf8"));
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    return result([error("well-formed", e.code, e.message)], null);
  }
  const present = new Set(files);
  const steps: (() => PackageIssue[] | Promise<PackageIssue[]>)[] = [
    () => requiredElementIssues(manifest),
    () => fileIssues(manifest, present),
    () => hrefIssues(manifest, present),
    () => referenceIssues(manifest),
    () => parentDomIssues(root, scoFiles(manifest)),
  ];
  for (const step of steps) {
    const issues = await step();
    if (issues.some((i) => i.severity === "error")) return result(issues, manifest);
  }
  return result(extraFileWarnings(manifest, files), manifest);
}
