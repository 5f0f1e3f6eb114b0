// SCORM version detection from a manifest's schemaversion (as users really write it) or, when that is
// missing, from the namespaces the manifest declares.
import type { ScormVersion } from "../../bridge/protocol/messages.ts";

export interface DetectedVersion {
  version: ScormVersion;
  /** SCORM 2004 edition (2, 3 or 4) when the manifest says; null for 1.2 or when unknown. */
  edition: 2 | 3 | 4 | null;
  source: "schemaversion" | "namespace";
}

export function versionFromSchemaVersion(text: string): DetectedVersion | null {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^scorm ?/, "");
  if (/^(cam )?1\.2$/.test(s)) return { version: "1.2", edition: null, source: "schemaversion" };
  if (/^(cam )?1\.3$/.test(s)) return { version: "2004", edition: 2, source: "schemaversion" };
  const m = /^2004(?:\s+(\d)\s*(?:st|nd|rd|th)?\b.*)?$/.exec(s);
  if (m) {
    const n = m[1] ? Number(m[1]) : NaN;
    const edition = n === 2 || n === 3 || n === 4 ? n : null;
    return { version: "2004", edition, source: "schemaversion" };
  }
  return null;
}

export function versionFromNamespaces(namespaces: readonly string[]): DetectedVersion | null {
  const ns = namespaces.map((n) => n.toLowerCase());
  if (ns.some((n) => n.includes("adlcp_v1p3") || n.includes("adlseq") || n.includes("adlnav"))) {
    return { version: "2004", edition: null, source: "namespace" };
  }
  if (ns.some((n) => n.includes("adlcp_rootv1p2")))
    return { version: "1.2", edition: null, source: "namespace" };
  return null;
}
