// The embedded stack: Moodle twin on lms.test, mock CDN on cdn.test, an attacker site on evil.test, each over
// HTTPS with this run's CA, all in this process (the CDN elsewhere when options.cdnSite starts it there). close() leaves
// no server or temp folder behind.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import express from "express";
import type { TwinDatabaseOptions } from "../../moodle-stack/twin/db.ts";
import type { MoodleSchema } from "../../moodle-stack/twin/track-storage.ts";
import { MoodleTwin } from "../../moodle-stack/twin/moodle-twin.ts";
import { loadLmsPlugin } from "../bridges/load-lms-plugin.ts";
import { startInProcessCdnSite, type CdnSiteFactory } from "../cdn/cdn-site.ts";
import type { CdnProfile } from "../cdn/cdn-profiles.ts";
import { createHttpsGet, type HttpGet } from "../net/https-get.ts";
import { RequestLog } from "../cdn/request-log.ts";
import { writeProbePackage } from "../packages/package-files.ts";
import { createRunCa, type RunCa } from "../tls/run-ca.ts";
import { FaultInjector } from "./fault-injector.ts";
import { startHttpsSite, type RunningSite } from "./https-site.ts";
import { lmsServicePath } from "./lms-service-path.ts";
import { siteLookup } from "./site-lookup.ts";
import { SITES, assertDistinctSites, type SiteOrigins } from "./sites.ts";
import { createTestHostFetch } from "./test-host-fetch.ts";
import { twinDatabaseFromEnv, twinSchemaFromEnv } from "./twin-database-env.ts";

export interface EmbeddedStack {
  origins: SiteOrigins;
  ca: RunCa;
  twin: MoodleTwin;
  cdnLog: RequestLog;
  /** Every request the LMS origin served (to compare LMS and CDN egress). */
  lmsLog: RequestLog;
  /** Faults to inject in front of the LMS. */
  lmsFaults: FaultInjector;
  storageDir: string;
  fetch: (url: string) => Promise<{ status: number; body: string }>;
  /** The LMS's server-side HTTPS client (run CA trusted, test sites only), as the twin uses it. */
  httpGet: HttpGet;
  /** The mock CDN's current profile (harness/cdn/cdn-profiles.ts); switch it at any time. */
  cdnProfile(): CdnProfile;
  setCdnProfile(profile: CdnProfile): Promise<void>;
  /** Publishes a probe package with the given manifest; returns its imsmanifest.xml URL on the CDN. */
  publishProbePackage(name: string, manifestXml: string): Promise<string>;
  /** Chromium flags that map the sites to loopback and trust the run CA by SPKI pin. */
  browserArgs(): string[];
  close(): Promise<void>;
}

export interface EmbeddedStackOptions {
  /** The bridge's browser files: frame page and scripts (served by the CDN) and bridge-lms.js (served by the LMS). */
  bridgeDir: string;
  /** The bridge's server-side module (see BuiltBridge.lmsPlugin); the twin's own LMS API when absent. */
  lmsPlugin?: string;
  /** The twin's tables on a MySQL/MariaDB server; when absent, ESB_TWIN_MYSQL_URL's, else embedded SQLite. */
  database?: TwinDatabaseOptions;
  /** Which Moodle's tracking tables the twin keeps; when absent, ESB_TWIN_SCHEMA's, else 4.5. */
  moodleSchema?: MoodleSchema;
  /**
   * The https origin the browser knows the LMS by (certify plays as the vendor's LMS origin): the run CA issues
   * its certificate for that name and browserArgs() map that host and port to the local LMS server. Default:
   * https://lms.test:<port>.
   */
  lmsOrigin?: string;
  /** The twin's server-side HTTPS client (CDN URL checks); the run CA and the test sites only when absent. */
  lmsHttpGet?: HttpGet;
  /**
   * What answers on the LMS origin behind its request log and fault injector; the twin when absent (a real
   * Moodle's reverse proxy, harness/stack/moodle-stack.ts, while the twin stays idle).
   */
  lmsBackend?: express.RequestHandler;
  /** Starts the CDN site (the mock CDN in a container on the containers stack); in this process when absent. */
  cdnSite?: CdnSiteFactory;
}

export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const presented = options.lmsOrigin ? new URL(options.lmsOrigin) : null;
  if (presented && (presented.protocol !== "https:" || presented.origin !== options.lmsOrigin))
    throw new Error(`The LMS origin ${options.lmsOrigin} is not an https origin`);
  const lmsHost = presented?.hostname ?? SITES.lms;
  const ca = await createRunCa([...new Set([...Object.values(SITES), lmsHost])]);
  const storageDir = await mkdtemp(path.join(os.tmpdir(), "esb-cdn-"));
  const running: Array<Pick<RunningSite, "close">> = [];
  const origins: SiteOrigins = { lms: "", cdn: "", evil: "" };
  const cert = (host: string) => {
    const c = ca.sites.get(host);
    if (!c) throw new Error(`No certificate for ${host}`);
    return c;
  };
  const httpGet = createHttpsGet({ caPem: ca.caPem, lookup: siteLookup });
  try {
    const twin = await MoodleTwin.create({
      httpGet: options.lmsHttpGet ?? httpGet,
      bridgeDir: options.bridgeDir,
      database: options.database ?? twinDatabaseFromEnv(),
      moodleSchema: options.moodleSchema ?? twinSchemaFromEnv(),
      LmsApi: options.lmsPlugin ? await loadLmsPlugin(options.lmsPlugin) : undefined,
    });
    const evil = express();
    evil.get("/", (_req, res) => {
      res.type("html").send("<!doctype html><title>evil.test</title><p>Attacker site</p>");
    });

    const lmsLog = new RequestLog();
    const lms = express();
    lms.disable("x-powered-by");
    const lmsFaults = new FaultInjector();
    lms.use(lmsLog.middleware(), lmsFaults.middleware(), options.lmsBackend ?? twin.app);
    // The twin's web service endpoint (every commit) is reached directly; a real Moodle's backend is not.
    const lmsHandler = options.lmsBackend
      ? lms
      : lmsServicePath({ twin, log: lmsLog, faults: lmsFaults, site: lms });
    const lmsSite = await startHttpsSite(lmsHandler, cert(lmsHost), (req, socket, head) =>
      twin.packages.handleUpgrade(req, socket, head),
    );
    running.push(lmsSite);
    const lmsOrigin = presented?.origin ?? lmsSite.origin;
    const cdnSite = await (options.cdnSite ?? startInProcessCdnSite)({
      certificate: cert(SITES.cdn),
      lmsOrigin,
      storageDir,
      bridgeDir: options.bridgeDir,
    });
    running.push(cdnSite);
    const evilSite = await startHttpsSite(evil, cert(SITES.evil));
    running.push(evilSite);
    Object.assign(origins, {
      lms: lmsOrigin,
      cdn: cdnSite.origin,
      evil: evilSite.origin,
    });
    assertDistinctSites(origins);
    twin.setWwwroot(origins.lms);
    twin.packages.useStorage({ dir: storageDir, publicBaseUrl: `${origins.cdn}/packages` });

    return {
      origins,
      ca,
      twin,
      cdnLog: cdnSite.log,
      lmsLog,
      lmsFaults,
      storageDir,
      fetch: createTestHostFetch(ca.caPem),
      httpGet,
      cdnProfile: () => cdnSite.profile(),
      async setCdnProfile(profile) {
        const day = 86_400_000;
        const certificate =
          profile.name === "cert-expired"
            ? await ca.issue(SITES.cdn, {
                notBefore: new Date(Date.now() - 10 * day),
                notAfter: new Date(Date.now() - day),
              })
            : profile.name === "cert-wrong-name"
              ? await ca.issue("other.test")
              : cert(SITES.cdn);
        await cdnSite.setProfile(profile, certificate);
      },
      async publishProbePackage(name, manifestXml) {
        if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Bad package name ${name}`);
        await writeProbePackage(path.join(storageDir, name), manifestXml);
        return `${origins.cdn}/packages/${name}/imsmanifest.xml`;
      },
      browserArgs() {
        // A presented LMS origin's host and port go to the local LMS server; the first matching rule wins.
        const lmsPort = presented
          ? [`MAP ${presented.hostname}:${presented.port || "443"} 127.0.0.1:${lmsSite.port}`]
          : [];
        const rules = [
          ...lmsPort,
          ...Object.values(SITES).flatMap((host) => [`MAP ${host} 127.0.0.1`, `MAP *.${host} 127.0.0.1`]),
        ].join(", ");
        return [`--host-resolver-rules=${rules}`, `--ignore-certificate-errors-spki-list=${ca.spkiPin}`];
      },
      async close() {
        await Promise.all(running.map((s) => s.close()));
        twin.close();
        await rm(storageDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(running.map((s) => s.close()));
    await rm(storageDir, { recursive: true, force: true });
    throw error;
  }
}
