// The three sites every run uses. They are distinct registrable domains, so no two share an origin or a site.
export const SITES = { lms: "lms.test", cdn: "cdn.test", evil: "evil.test" } as const;
export type SiteName = keyof typeof SITES;

export interface SiteOrigins {
  lms: string;
  cdn: string;
  evil: string;
}

/** Fails loudly when two roles would share an origin or a host: no property may pass on one origin. */
export function assertDistinctSites(origins: SiteOrigins): void {
  const hosts = Object.values(origins).map((o) => new URL(o).hostname);
  if (new Set(hosts).size !== hosts.length || new Set(Object.values(origins)).size !== hosts.length) {
    throw new Error(`The LMS, CDN and attacker must be distinct sites; got ${JSON.stringify(origins)}`);
  }
  for (const origin of Object.values(origins)) {
    if (new URL(origin).protocol !== "https:") throw new Error(`Site ${origin} is not served over HTTPS`);
  }
}
