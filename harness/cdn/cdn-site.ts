// The CDN site of a stack, wherever it runs: in this process (startInProcessCdnSite) or in a container driven
// over its control API (cdn-control-client.ts). The stack hands it the certificate to present and reads its
// request log; what the site serves is the mock CDN's (mock-cdn.ts) either way.
import type { SiteCertificate } from "../tls/run-ca.ts";
import { startHttpsSite } from "../stack/https-site.ts";
import type { CdnProfile } from "./cdn-profiles.ts";
import { createMockCdn } from "./mock-cdn.ts";
import type { RequestLog } from "./request-log.ts";

export interface CdnSite {
  /** https://cdn.test:<port>, as the browser and the LMS reach it. */
  origin: string;
  /** Every request the site served (filled as they are served, also when the site runs elsewhere). */
  log: RequestLog;
  profile(): CdnProfile;
  /** Switches the profile, presenting `certificate` to new connections from then on. */
  setProfile(profile: CdnProfile, certificate: SiteCertificate): Promise<void>;
  close(): Promise<void>;
}

export interface CdnSiteSetup {
  /** The certificate the site presents for cdn.test. */
  certificate: SiteCertificate;
  /** The only origin allowed to frame the bridge page and read with CORS. */
  lmsOrigin: string;
  /** Folder of published packages, served under /packages/. */
  storageDir: string;
  /** The built bridge's frame page and scripts, served under /bridge/. */
  bridgeDir: string;
}

/** Starts a CDN site for a stack once the stack knows its LMS origin and the CDN's certificate. */
export type CdnSiteFactory = (setup: CdnSiteSetup) => Promise<CdnSite>;

export const startInProcessCdnSite: CdnSiteFactory = async (setup) => {
  const cdn = createMockCdn({
    storageDir: setup.storageDir,
    bridgeDir: setup.bridgeDir,
    lmsOrigin: () => setup.lmsOrigin,
  });
  const site = await startHttpsSite(cdn.app, setup.certificate);
  return {
    origin: site.origin,
    log: cdn.log,
    profile: () => cdn.profile.current,
    async setProfile(profile, certificate) {
      site.setCertificate(certificate);
      cdn.profile.set(profile);
    },
    close: () => site.close(),
  };
};
