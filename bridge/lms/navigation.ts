// SCORM 2004 navigation requests (adl.nav.request) the SCO made before Terminate: continue, previous and
// {target=ID}choice move to another SCO by reloading the player for it, which tears the runtime down and seeds
// the next SCO afresh. Anything else (exit, exitAll, suspendAll, abandon, _none_) stays on the page.
export interface TocEntry {
  scoid: number;
  identifier: string;
}

export function navigationTarget(
  request: string,
  toc: readonly TocEntry[],
  currentScoid: number,
): number | null {
  const index = toc.findIndex((e) => e.scoid === currentScoid);
  if (request === "continue") return toc[index + 1]?.scoid ?? null;
  if (request === "previous") return index > 0 ? (toc[index - 1]?.scoid ?? null) : null;
  const choice = /^\{target=([^}]+)\}(choice|jump)$/.exec(request);
  if (choice) return toc.find((e) => e.identifier === choice[1])?.scoid ?? null;
  return null;
}

export function playerUrl(wwwroot: string, cmid: number, scoid: number): string {
  return `${wwwroot}/mod/scorm/player.php?cm=${encodeURIComponent(cmid)}&scoid=${encodeURIComponent(scoid)}`;
}
