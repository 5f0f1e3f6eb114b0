// Oracle for P13: which interaction and objective rows mod_scorm keeps for a session's writes. Each element
// written is stored once under mod_scorm's spelling for the version, holding the last value written.
import { storedElementName } from "../properties/stored-element-name.ts";

export type Version = "1.2" | "2004";

/** True for a stored element of the interactions or objectives collections, in either version's spelling. */
export function isCollectionElement(stored: string): boolean {
  return /^cmi\.(interactions|objectives)[._]\d/.test(stored);
}

export function expectedCollectionRows(
  version: Version,
  writes: ReadonlyArray<readonly [string, string]>,
): Map<string, string> {
  const expected = new Map<string, string>();
  for (const [element, value] of writes) {
    const stored = storedElementName(version, element);
    if (isCollectionElement(stored)) expected.set(stored, value);
  }
  return expected;
}
