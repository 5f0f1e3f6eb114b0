// SCORM version detection from a manifest's schemaversion (as authors really write it, misspellings included) or,
// when that is missing or unrecognised, from the namespaces the manifest declares.
import type { ScormVersion } from "../../bridge/protocol/messages.ts";

export interface DetectedVersion {
  version: ScormVersion;
  /** SCORM 2004 edition (2, 3 or 4) when the manifest says; null for 1.2 or when unknown. */
  edition: 2 | 3 | 4 | null;
  source: "schemaversion" | "namespace";
}

const EDITION_WORDS: Record<string, 2 | 3 | 4> = { second: 2, third: 3, fourth: 4 };

function edition2004(rest: string): 2 | 3 | 4 | null | undefined {
  if (rest === "") return null;
  // "3rd edition", "3rd ed.", "3rd editon", "4th", "3 edition", "third edition", "(4th edition)"
  const m =
    /^\(?\s*(?:([234])\s*(?:st|nd|rd|th)?|(second|third|fourth))\s*(?:ed(?:ition|iton|tion|itio|\.)?)?\s*\)?\.?$/.exec(
      rest,
    );
  if (!m) return undefined;
  if (m[1]) return Number(m[1]) as 2 | 3 | 4;
  return EDITION_WORDS[m[2]!];
}

export function versionFromSchemaVersion(text: string): DetectedVersion | null {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ")
    .replace(/^(?:adl ?)?scorm ?/, "")
    .trim();
  if (/^(?:cam ?)?v?1\.2(?:\.0)?$/.test(s) || s === "12") {
    return { version: "1.2", edition: null, source: "schemaversion" };
  }
  if (/^(?:cam ?)?v?1\.3(?:\.\d)?$/.test(s)) return { version: "2004", edition: 2, source: "schemaversion" };
  const m = /^2004(?:\s*[-,]\s*|\s+|$)(.*)$/.exec(s);
  if (m) {
    const edition = edition2004(m[1]!.trim());
    if (edition !== undefined) return { version: "2004", edition, source: "schemaversion" };
  }
  return null;
}

export function versionFromNamespaces(namespaces: readonly string[]): DetectedVersion | null {
  const ns = namespaces.map((n) => n.toLowerCase());
  if (ns.some((n) => /adlcp_v1p3|adlseq|adlnav|imsss|imscp_v1p1\b/.test(n))) {
    return { version: "2004", edition: null, source: "namespace" };
  }
  if (ns.some((n) => /adlcp_rootv1p2|imscp_rootv1p1p2/.test(n))) {
    return { version: "1.2", edition: null, source: "namespace" };
  }
  return null;
}
