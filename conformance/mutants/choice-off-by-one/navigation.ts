// Mutant: a choice request lands on the SCO after its target (an index slip when resolving the identifier), so the
// learner works in the wrong SCO and its tracking is stored against the wrong SCO id.
import { navigationTarget as referenceTarget, type TocEntry } from "../../../bridge/lms/navigation.ts";

export { playerUrl, type TocEntry } from "../../../bridge/lms/navigation.ts";

export function navigationTarget(
  request: string,
  toc: readonly TocEntry[],
  currentScoid: number,
): number | null {
  const target = referenceTarget(request, toc, currentScoid);
  if (!/choice$/.test(request) || target === null) return target;
  const index = toc.findIndex((e) => e.scoid === target);
  return toc[(index + 1) % toc.length]?.scoid ?? target;
}
