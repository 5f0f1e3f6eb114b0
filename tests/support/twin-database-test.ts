// Playwright's `test` with the twin's database as a fixture, so one test body runs on every database the twin
// supports. The project picks the backend (playwright.config.ts: `unit` runs on SQLite, `unit-mysql` on MySQL);
// on MySQL each worker starts a private MariaDB (private-mariadb.ts), or uses ESB_TWIN_MYSQL_URL's server when
// that is set, and the tests skip with the reason when neither is available. The project also picks the Moodle
// schema of mod_scorm's tracking tables (`moodleSchema`: 4.5, or 4.1 in the *-moodle41 projects).
import { test as base } from "@playwright/test";
import { twinDatabaseFromEnv } from "../../harness/stack/twin-database-env.ts";
import type { TwinDatabaseOptions } from "../../moodle-stack/twin/db.ts";
import type { MoodleSchema } from "../../moodle-stack/twin/track-storage.ts";
import { startPrivateMariaDb, type PrivateMariaDbStart } from "./private-mariadb.ts";

export type TwinBackend = "sqlite" | "mysql";

export interface TwinBackendOptions {
  twinBackend: TwinBackend;
  moodleSchema: MoodleSchema;
}

interface WorkerFixtures extends TwinBackendOptions {
  mysqlServer: { database: TwinDatabaseOptions } | { database: null; reason: string };
}

/** The project's database and Moodle schema, as MoodleTwin.create takes them. */
export interface TwinStorage {
  database: TwinDatabaseOptions | undefined;
  moodleSchema: MoodleSchema;
}

export const test = base.extend<
  { twinDatabase: TwinDatabaseOptions | undefined; twinStorage: TwinStorage },
  WorkerFixtures
>({
  twinBackend: ["sqlite", { option: true, scope: "worker" }],
  moodleSchema: ["4.5", { option: true, scope: "worker" }],
  mysqlServer: [
    async ({ twinBackend }, use) => {
      const configured = twinDatabaseFromEnv();
      if (twinBackend !== "mysql" || configured) {
        await use(configured ? { database: configured } : { database: null, reason: "not a MySQL project" });
        return;
      }
      const started: PrivateMariaDbStart = await startPrivateMariaDb();
      if (!started.server) {
        console.log(`notice: the twin's MySQL tests are skipped: ${started.reason}`);
        await use({ database: null, reason: started.reason });
        return;
      }
      try {
        await use({ database: { mysqlUrl: started.server.url } });
      } finally {
        await started.server.stop();
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
  twinDatabase: async ({ twinBackend, mysqlServer }, use) => {
    if (twinBackend === "sqlite") {
      await use(undefined);
      return;
    }
    if (!mysqlServer.database) test.skip(true, `no MySQL server: ${mysqlServer.reason}`);
    await use(mysqlServer.database ?? undefined);
  },
  twinStorage: async ({ twinDatabase, moodleSchema }, use) => {
    await use({ database: twinDatabase, moodleSchema });
  },
});

export { expect } from "@playwright/test";
