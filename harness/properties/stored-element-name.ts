// The oracle's own statement of mod_scorm's storage spelling (moodle-scorm-contract §1.3, golden data):
// SCORM 1.2 array members are stored as cmi.interactions_0.id, SCORM 2004 ones keep their dots.
export function storedElementName(version: "1.2" | "2004", element: string): string {
  if (version === "2004") return element;
  return element
    .split(".")
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}_${part}` : acc ? `${acc}.${part}` : part), "");
}
