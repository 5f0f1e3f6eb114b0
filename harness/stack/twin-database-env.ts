// The twin's database as the environment chooses it: ESB_TWIN_MYSQL_URL (mysql://user:password@host:port/prefix)
// puts the twin's tables on that MySQL/MariaDB server, a fresh database per stack; unset or empty, embedded SQLite.
// ESB_TWIN_SCHEMA=4.1 gives the twin Moodle 4.1's tracking table (scorm_scoes_track); unset or empty, Moodle 4.5's.
import type { TwinDatabaseOptions } from "../../moodle-stack/twin/db.ts";
import { parseMoodleSchema, type MoodleSchema } from "../../moodle-stack/twin/track-storage.ts";

export const TWIN_MYSQL_URL_VARIABLE = "ESB_TWIN_MYSQL_URL";

export function twinDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): TwinDatabaseOptions | undefined {
  const url = env[TWIN_MYSQL_URL_VARIABLE]?.trim();
  return url ? { mysqlUrl: url } : undefined;
}

export const TWIN_SCHEMA_VARIABLE = "ESB_TWIN_SCHEMA";

/** The Moodle schema ESB_TWIN_SCHEMA names (an error naming a bad one); undefined when unset or empty. */
export function twinSchemaFromEnv(env: NodeJS.ProcessEnv = process.env): MoodleSchema | undefined {
  const value = env[TWIN_SCHEMA_VARIABLE]?.trim();
  return value ? parseMoodleSchema(value, TWIN_SCHEMA_VARIABLE) : undefined;
}
