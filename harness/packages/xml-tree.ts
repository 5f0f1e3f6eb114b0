// A namespace-aware element tree over fast-xml-parser's ordered output. Entities are never expanded: a document
// declaring any (the billion-laughs and XXE shapes) is refused before parsing. Each element knows its namespace
// URI from the xmlns declarations in scope; an undeclared prefix stands for itself.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

export class XmlError extends Error {
  constructor(
    readonly code: "entities" | "not-well-formed" | "empty",
    message: string,
  ) {
    super(message);
    this.name = "XmlError";
  }
}

export interface XmlAttribute {
  ns: string;
  local: string;
  value: string;
}

export class XmlElement {
  constructor(
    readonly ns: string,
    readonly local: string,
    readonly attributes: readonly XmlAttribute[],
    readonly elements: readonly XmlElement[],
    private readonly textParts: readonly string[],
  ) {}

  /** Child elements with this local name whose namespace passes `inNs`. */
  children(local: string, inNs: (ns: string) => boolean): XmlElement[] {
    return this.elements.filter((e) => e.local === local && inNs(e.ns));
  }

  child(local: string, inNs: (ns: string) => boolean): XmlElement | undefined {
    return this.children(local, inNs)[0];
  }

  /** An attribute by local name; with `inNs`, only a namespaced one in that namespace, else only an unprefixed one. */
  attr(local: string, inNs?: (ns: string) => boolean): string | undefined {
    const found = this.attributes.find((a) => a.local === local && (inNs ? inNs(a.ns) : a.ns === ""));
    return found?.value;
  }

  text(): string {
    return this.textParts.join("").trim();
  }
}

type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Resolves the five predefined entities and character references; nothing else is ever expanded. */
export function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return PREDEFINED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const split = (qname: string): [string, string] => {
  const i = qname.indexOf(":");
  return i < 0 ? ["", qname] : [qname.slice(0, i), qname.slice(i + 1)];
};

function build(node: Ordered, scope: ReadonlyMap<string, string>): XmlElement | null {
  const tag = Object.keys(node).find((k) => k !== ":@" && !k.startsWith("#") && !k.startsWith("?"));
  if (!tag) return null;
  const rawAttrs = (node[":@"] ?? {}) as Record<string, unknown>;
  const local = new Map(scope);
  for (const [key, value] of Object.entries(rawAttrs)) {
    const name = key.slice(2);
    if (name === "xmlns") local.set("", decodeReferences(String(value)));
    else if (name.startsWith("xmlns:")) local.set(name.slice(6), String(value));
  }
  const resolve = (prefix: string): string => local.get(prefix) ?? prefix;
  const attributes: XmlAttribute[] = [];
  for (const [key, value] of Object.entries(rawAttrs)) {
    const name = key.slice(2);
    if (name === "xmlns" || name.startsWith("xmlns:")) continue;
    const [prefix, attrLocal] = split(name);
    attributes.push({
      ns: prefix ? resolve(prefix) : "",
      local: attrLocal,
      value: decodeReferences(String(value)),
    });
  }
  const [prefix, elementLocal] = split(tag);
  const elements: XmlElement[] = [];
  const text: string[] = [];
  for (const child of (node[tag] as Ordered[]) ?? []) {
    if ("#text" in child) text.push(decodeReferences(String(child["#text"])));
    else {
      const element = build(child, local);
      if (element) elements.push(element);
    }
  }
  return new XmlElement(resolve(prefix), elementLocal, attributes, elements, text);
}

/** Parses a document and returns its root element. */
export function parseXml(xml: string): XmlElement {
  if (/<!ENTITY/i.test(xml)) {
    throw new XmlError(
      "entities",
      "The manifest declares XML entities, which are not allowed (XXE / entity expansion).",
    );
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw new XmlError("not-well-formed", `The manifest is not well-formed XML (line ${line}): ${msg}`);
  }
  const nodes = parser.parse(xml) as Ordered[];
  const scope = new Map([["xml", XML_NAMESPACE]]);
  for (const node of nodes) {
    const root = build(node, scope);
    if (root) return root;
  }
  throw new XmlError("empty", "The manifest has no root element.");
}
