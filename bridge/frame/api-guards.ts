// Calls scorm-again never gets to see, or whose failures it does not report: a data model container as an
// element name ("cmi", "cmi.objectives"), which scorm-again would write over its own data model object (ADL's
// DMI script does SetValue("cmi", "illegal") and expects 401), and exceptions thrown out of the runtime, which a SCO must
// see as "false" / "" with 101 General Exception rather than a thrown error.

/** SCORM's code for an undefined data model element (both versions). */
export const UNDEFINED_ELEMENT = 401;
export const GENERAL_EXCEPTION = 101;

/**
 * True when `element` names a container of the runtime's data model (the "cmi" root, "cmi.objectives",
 * "cmi.score", a collection member): scorm-again would read back or write over the object itself, where SCORM
 * answers 401 Undefined Data Model Element. Leaves, unknown names and anything that cannot be read are left to
 * the runtime.
 */
export function isDataModelContainer(runtime: Record<string, unknown>, element: unknown): boolean {
  if (typeof element !== "string" || !/^(cmi|adl)(\.[A-Za-z0-9_]+)*$/.test(element)) return false;
  let node: unknown = runtime;
  try {
    for (const part of element.split(".")) {
      if (node === null || typeof node !== "object") return false;
      const n = node as Record<string, unknown>;
      node = /^\d+$/.test(part) ? (n.childArray as unknown[] | undefined)?.[Number(part)] : n[part];
    }
  } catch {
    return false;
  }
  return node !== null && typeof node === "object";
}

/** What a failed call returns: GetValue and the error/diagnostic getters give "", the others "false". */
export function failedReturn(method: string): string {
  return /GetValue|GetLastError|GetErrorString|GetDiagnostic/.test(method) ? "" : "false";
}
