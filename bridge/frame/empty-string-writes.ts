// scorm-again refuses an empty string (406/405) for character strings where SCORM allows one: ADL's 2004 test
// suite expects SetValue("cmi.location", "") to succeed. This writes such values past its format check.
const EMPTY_ALLOWED = [
  /^cmi\.location$/,
  /^cmi\.core\.lesson_location$/,
  /^cmi\.suspend_data$/,
  /^cmi\.comments_from_learner\.\d+\.(comment|location)$/,
  /^cmi\.(interactions|objectives)\.\d+\.description$/,
];

export function emptyStringAllowed(element: string): boolean {
  return EMPTY_ALLOWED.some((re) => re.test(element));
}

type Node = Record<string, unknown>;

/** The object holding `field` as its own property: `node` itself or one of the objects it delegates to. */
function holder(node: Node, field: string, depth = 2): Node | undefined {
  if (Object.prototype.hasOwnProperty.call(node, field)) return node;
  if (depth === 0) return undefined;
  for (const value of Object.values(node)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const found = holder(value as Node, field, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Sets the runtime's backing field for `element` to "" directly; false if the element cannot be found. */
export function writeEmptyString(cmi: unknown, element: string): boolean {
  const path = element.split(".").slice(1);
  let node = cmi as Node | undefined;
  for (const part of path.slice(0, -1)) {
    if (!node) return false;
    const next: unknown = /^\d+$/.test(part)
      ? (node.childArray as unknown[] | undefined)?.[Number(part)]
      : node[part];
    node = next as Node | undefined;
  }
  const owner = node ? holder(node, `_${path[path.length - 1]}`) : undefined;
  if (!owner) return false;
  owner[`_${path[path.length - 1]}`] = "";
  return true;
}
