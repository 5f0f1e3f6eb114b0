// The Moodle twin: one database (embedded SQLite, or MySQL/MariaDB), the mod_scorm pieces over it, and its web server.
import type express from "express";
import {
  DEFAULT_BRIDGE_CONFIG,
  validateBridgeConfig,
  type BridgeConfig,
} from "../../bridge/protocol/bridge-config.ts";
import type { HttpGet } from "../../harness/net/https-get.ts";
import { Activities, type ScormActivity } from "./activities.ts";
import { createCdnActivity } from "./cdn-activity.ts";
import { defaultAtRestSettings, validateAtRestSettings, type AtRestSettings } from "./at-rest-settings.ts";
import { DashboardHub } from "./dashboard-hub.ts";
import { TwinDb, type Params, type Row, type TwinDatabaseOptions } from "./db.ts";
import { LmsApi, type LmsApiConstructor } from "./lms-api.ts";
import { PackageService } from "./package-service/package-service.ts";
import { People } from "./people.ts";
import { createTwinServer } from "./server.ts";
import { Sessions } from "./sessions.ts";
import { SiteKey } from "./site-key.ts";
import {
  DEFAULT_MOODLE_SCHEMA,
  parseMoodleSchema,
  type MoodleSchema,
  type TrackStorage,
} from "./track-storage.ts";

export interface MoodleTwinOptions {
  bridgeDir: string;
  framePath?: string;
  /** The plugin's web-service implementation; a bridge under test may bring its own build of it. */
  LmsApi?: LmsApiConstructor;
  /** Where the site's encryption key lives ($CFG->secretdataroot); a fresh temporary folder when absent. */
  secretdataroot?: string;
  /** The LMS's server-side HTTPS client (checks CDN URLs). */
  httpGet?: HttpGet;
  /** A MySQL/MariaDB server for the tables (a fresh database, dropped on close); embedded SQLite when absent. */
  database?: TwinDatabaseOptions;
  /** Which Moodle's tracking tables the twin keeps: 4.5 (scorm_attempt, scorm_element, scorm_scoes_value, the
   * default) or 4.1 (scorm_scoes_track). */
  moodleSchema?: MoodleSchema;
}

export class MoodleTwin {
  private constructor(
    readonly db: TwinDb,
    readonly people: People,
    readonly activities: Activities,
    readonly tracks: TrackStorage,
    readonly sessions: Sessions,
    readonly app: express.Express,
    private readonly wwwroot: { value: string },
    readonly api: LmsApi,
    private readonly settings: { bridge: BridgeConfig; atRest: AtRestSettings },
    readonly siteKey: SiteKey,
    readonly dashboards: DashboardHub,
    /** The package service (package-service/README.md): upload, publish to the CDN storage, launch. */
    readonly packages: PackageService,
  ) {}

  /** The plugin's encryption-at-rest settings, validated: a bad value is refused with the reason (P21). */
  setAtRestSettings(settings: Partial<Record<keyof AtRestSettings, unknown>>): AtRestSettings {
    this.settings.atRest = validateAtRestSettings(settings);
    return this.settings.atRest;
  }

  /** The plugin's bridge settings, validated: a bad value is refused with the reason, nothing changes. */
  setBridgeConfig(config: Partial<BridgeConfig>): BridgeConfig {
    this.settings.bridge = validateBridgeConfig(config);
    return this.settings.bridge;
  }

  static async create(options: MoodleTwinOptions): Promise<MoodleTwin> {
    const schema = parseMoodleSchema(options.moodleSchema ?? DEFAULT_MOODLE_SCHEMA, "moodleSchema");
    const db = await TwinDb.open(options.database, schema);
    const people = new People(db);
    const activities = new Activities(db);
    const { tracks } = db;
    const sessions = new Sessions();
    const settings = { bridge: DEFAULT_BRIDGE_CONFIG, atRest: defaultAtRestSettings() };
    const siteKey = SiteKey.at(options.secretdataroot);
    const dashboards = new DashboardHub((cmid, learnerid) => api.teacher.dashboardRows(cmid, learnerid));
    const api = new (options.LmsApi ?? LmsApi)({
      db,
      people,
      activities,
      tracks,
      framePath: options.framePath ?? "/bridge/frame.html",
      bridgeConfig: () => settings.bridge,
      atRest: () => ({ settings: settings.atRest, key: siteKey }),
      onCommit: (notice) => dashboards.changed(notice),
      httpGet: options.httpGet,
    });
    const wwwroot = { value: "" };
    const packages = new PackageService({ db, api, activities, sessions, wwwroot: () => wwwroot.value });
    const app = createTwinServer({
      db,
      people,
      activities,
      tracks,
      sessions,
      api,
      bridgeDir: options.bridgeDir,
      wwwroot: () => wwwroot.value,
      dashboards,
      packages,
    });
    return new MoodleTwin(
      db,
      people,
      activities,
      tracks,
      sessions,
      app,
      wwwroot,
      api,
      settings,
      siteKey,
      dashboards,
      packages,
    );
  }

  /**
   * Creates a "CDN URL" activity as the activity form does: the plugin checks the URL and a refusal throws
   * CdnUrlRejected with its code and reason.
   */
  createCdnActivity(
    course: number,
    name: string,
    url: string,
    settings: Parameters<Activities["createFromManifest"]>[4] = {},
  ): Promise<ScormActivity> {
    return createCdnActivity(this.api, this.activities, course, name, url, settings);
  }

  /** Set once the server listens: Moodle's $CFG->wwwroot. */
  setWwwroot(origin: string): void {
    this.wwwroot.value = origin;
  }

  /** Read-only SQL for drivers and properties. */
  query(sql: string, params: Params = []): Row[] {
    if (!/^\s*(SELECT|WITH)\b/i.test(sql)) throw new Error("Only SELECT queries may be run against the twin");
    return this.db.all(sql, params);
  }

  close(): void {
    void this.packages.close();
    this.dashboards.close();
    this.db.close();
  }
}
