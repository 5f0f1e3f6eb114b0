// Decides a manifest's SCORM version: from schemaversion when it names one (misspellings included), else from
// the namespaces it uses. A schemaversion that names no SCORM version at all (e.g. "9.9") is not overridden.
import type { DetectedVersion } from "./scorm-version.ts";
import { versionFromNamespaces, versionFromSchemaVersion } from "./scorm-version.ts";

export type ManifestVersion = DetectedVersion | null;

export function detectManifestVersion(
  schemaversion: string | null,
  namespaces: readonly string[],
): ManifestVersion {
  if (schemaversion) {
    const declared = versionFromSchemaVersion(schemaversion);
    if (declared) return declared;
    if (!/1\.2|1\.3|2004/.test(schemaversion)) return null;
  }
  return versionFromNamespaces(namespaces);
}
