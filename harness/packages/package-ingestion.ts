// Ingests a package zip: extracts it safely into a folder, then validates what came out. A refused zip is
// reported like any other validation failure, at the "archive" step with its rejection code.
import { validatePackage, type PackageValidation } from "./package-validation.ts";
import { extractZip } from "./zip/extract-zip.ts";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip/zip-limits.ts";
import { ZipRejectedError } from "./zip/zip-rejection.ts";
import { error } from "./package-issue.ts";

export interface IngestedPackage extends PackageValidation {
  /** Folder the package was extracted into (empty when the zip was refused). */
  dir: string;
  files: string[];
}

export async function ingestPackageZip(
  zipPath: string,
  targetDir: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<IngestedPackage> {
  try {
    const extracted = await extractZip(zipPath, targetDir, limits);
    return { ...(await validatePackage(targetDir)), dir: targetDir, files: extracted.files };
  } catch (e) {
    if (!(e instanceof ZipRejectedError)) throw e;
    return {
      ok: false,
      errors: [error("archive", e.code, e.message)],
      warnings: [],
      manifest: null,
      dir: targetDir,
      files: [],
    };
  }
}
