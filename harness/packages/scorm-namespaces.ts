// The namespace families a SCORM manifest uses, matched by URI (never by the prefix an author chose). Content
// packaging elements are also accepted without a namespace, as many hand-written 1.2 manifests have none.
export type NsTest = (ns: string) => boolean;

export const inImscp: NsTest = (ns) => ns === "" || /imscp|imsproject\.org\/xsd\/ims_?cp/i.test(ns);
export const inAdlcp: NsTest = (ns) => /adlcp/i.test(ns);
export const inImsss: NsTest = (ns) => /imsss/i.test(ns);
export const inAdlseq: NsTest = (ns) => /adlseq/i.test(ns);
export const inAdlnav: NsTest = (ns) => /adlnav/i.test(ns);
export const inXml: NsTest = (ns) => ns === "http://www.w3.org/XML/1998/namespace" || ns === "xml";
