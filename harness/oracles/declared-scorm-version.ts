// P02's oracle for a package it did not generate: the SCORM version its manifest declares, read independently of
// the parser the LMS side uses. schemaversion decides when it names a version ("1.2"; "CAM 1.3", "2004 …"); else
// the ADL namespaces the manifest declares (adlcp_rootv1p2 for 1.2; adlcp_v1p3 or the 2004 sequencing ones).
import { XMLParser } from "fast-xml-parser";
import type { ScormVersion } from "../../bridge/protocol/messages.ts";

const NS_12 = /adlcp_rootv1p2/i;
const NS_2004 = /adlcp_v1p3|imsss|adlseq_v1p3|adlnav_v1p3/i;

/** Every value of a schemaversion element and every namespace URI declared, anywhere in the document. */
function facts(node: unknown, out: { schemaversions: string[]; namespaces: string[] }): void {
  if (Array.isArray(node)) {
    for (const child of node) facts(child, out);
    return;
  }
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key.startsWith("@_xmlns") && typeof value === "string") out.namespaces.push(value);
    else if (/(^|:)schemaversion$/i.test(key)) {
      const text =
        typeof value === "object" && value !== null ? (value as Record<string, unknown>)["#text"] : value;
      if (text !== undefined) out.schemaversions.push(String(text).trim());
    } else facts(value, out);
  }
}

/** The declared version, or null when the manifest declares none this oracle recognises. */
export function declaredScormVersion(manifestXml: string): ScormVersion | null {
  const doc: unknown = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(manifestXml);
  const found = { schemaversions: [] as string[], namespaces: [] as string[] };
  facts(doc, found);
  const declared = found.schemaversions[0] ?? "";
  if (/^1\.2$/.test(declared)) return "1.2";
  if (/2004|cam\s*1\.3|^1\.3$/i.test(declared)) return "2004";
  if (found.namespaces.some((ns) => NS_2004.test(ns))) return "2004";
  if (found.namespaces.some((ns) => NS_12.test(ns))) return "1.2";
  return null;
}
