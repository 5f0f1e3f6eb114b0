// Generated CDN whitelists around one host below a parent domain (e.g. eu.cdn.test): entries that match it in the
// spellings users write (case, trailing dot, a wildcard for the parent) and near misses an implementation could
// wrongly accept (a suffix without a label boundary, the wildcard's own domain, the parent itself, look-alike and
// IDN hosts, longer and shorter hosts).
import fc from "fast-check";

export function whitelistEntries(host: string): string[] {
  const dot = host.indexOf(".");
  const [first, parent] = [host.slice(0, dot), host.slice(dot + 1)];
  const matching = [host, host.toUpperCase(), `${host}.`, `*.${parent}`, `*.${parent.toUpperCase()}`];
  const nearMisses = [
    `*.${parent.slice(1)}`,
    `*.${host}`,
    parent,
    `x${host}`,
    first.slice(1) + `.${parent}`,
    `${host}.evil`,
    host.slice(0, -1),
    `${first}é.${parent}`,
    `évil.${parent}`,
    `*.evil.${parent}`,
  ];
  return [...matching, ...nearMisses];
}

export function whitelistArbitrary(host: string): fc.Arbitrary<string[]> {
  return fc.uniqueArray(fc.constantFrom(...whitelistEntries(host)), { maxLength: 4 });
}

/** How the content gets framed: as stored, from a stored URL rewritten to another origin, or from a lying launch answer. */
export type WhitelistAttack = "none" | "tampered-activity" | "lying-launch";

export interface WhitelistCase {
  whitelist: string[];
  attack: WhitelistAttack;
}

export function whitelistCaseArbitrary(host: string): fc.Arbitrary<WhitelistCase> {
  return fc.record({
    whitelist: whitelistArbitrary(host),
    attack: fc.constantFrom<WhitelistAttack>("none", "none", "none", "tampered-activity", "lying-launch"),
  });
}
